package salvo.report;

import salvo.model.Outcome;

/** How a run (or a unit in a run) ended, as one character of a trend line. */
public enum Mark {
    PASSED('✔', '+'), FAILED('✘', 'x'), INTERRUPTED('!', '!'), SKIPPED('-', '-');

    private final char unicode;
    private final char ascii;

    Mark(char unicode, char ascii) {
        this.unicode = unicode;
        this.ascii = ascii;
    }

    /** @param unicode false for terminals and logs that cannot show ✔ and ✘ */
    public char symbol(boolean unicode) {
        return unicode ? this.unicode : ascii;
    }

    static Mark of(Outcome outcome) {
        if (outcome.isFailure()) {
            return FAILED;
        }
        if (outcome == Outcome.INCOMPLETE) {
            return INTERRUPTED;
        }
        return outcome == Outcome.SKIPPED ? SKIPPED : PASSED;
    }
}
