package salvo.model;

/**
 * How one test, or one unit, ended. FLAKY is a failure that passed when retried; INCOMPLETE is
 * what a unit or test is left as when the run was cut short (Salvo killed, the machine lost)
 * before it finished.
 */
public enum Outcome {
    PASSED, FAILED, ERROR, SKIPPED, XFAILED, XPASSED, TIMEOUT, CRASHED, FLAKY, INCOMPLETE;

    /** True for outcomes that make a run fail (a strict xpass is reported by its adapter as FAILED). */
    public boolean isFailure() {
        return this == FAILED || this == ERROR || this == TIMEOUT || this == CRASHED;
    }

    /** Orders outcomes by how much they should dominate a unit's summary: the worst one wins. */
    public int severity() {
        return switch (this) {
            case CRASHED -> 9;
            case INCOMPLETE -> 8;
            case TIMEOUT -> 7;
            case ERROR -> 6;
            case FAILED -> 5;
            case FLAKY -> 4;
            case XPASSED -> 3;
            case PASSED -> 2;
            case XFAILED -> 1;
            case SKIPPED -> 0;
        };
    }
}
