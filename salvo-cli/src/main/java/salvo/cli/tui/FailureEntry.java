package salvo.cli.tui;

import java.time.Duration;
import salvo.model.FailureKind;
import salvo.model.Outcome;

/**
 * One failed test, or one unit that failed outside any test (a collection error, a crash).
 *
 * @param id       the test id, or the unit id for a unit-level failure
 * @param kind     the failure's kind, or null when the adapter gave none
 * @param reason   one line fit for a list row
 * @param detail   traceback or failure detail
 * @param output   captured output of the test, or the unit's stray output
 * @param retrying true while the unit is queued for another attempt
 */
record FailureEntry(String id, String unitId, String worker, Outcome outcome, FailureKind kind, String reason,
                    String detail, String output, Duration duration, int attempt, boolean retrying) {

    FailureEntry retrying(boolean value) {
        return new FailureEntry(id, unitId, worker, outcome, kind, reason, detail, output, duration, attempt, value);
    }

    FailureEntry withOutcome(Outcome value) {
        return new FailureEntry(id, unitId, worker, value, kind, reason, detail, output, duration, attempt, false);
    }

    /** False once a retry passed: the entry stays listed, as FLAKY. */
    boolean failing() {
        return outcome.isFailure();
    }
}
