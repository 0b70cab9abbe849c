package salvo.sequence.engine;

/** An item's verdict (SEQUENCES.md §5.1). */
public enum Verdict { PASS, FAIL, SKIP }
