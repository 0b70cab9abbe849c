package salvo.model;

/** Why something failed, as precisely as the adapter could tell. */
public enum FailureKind {
    ASSERTION, COLLECTION, IMPORT, SYNTAX, FIXTURE, TIMEOUT, CRASH,
    /** Every test finished but the process would not exit (a non-daemon thread, typically). */
    HANG,
    OTHER,
    /** Not a failure: why a test was skipped, on a SKIPPED result. */
    SKIP
}
