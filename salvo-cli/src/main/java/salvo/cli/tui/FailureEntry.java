package salvo.cli.tui;

import java.time.Duration;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;

/**
 * One failed test, or one unit that failed outside any test (a collection error, a crash).
 *
 * @param node     the test, or the unit itself for a unit-level failure
 * @param kind     the failure's kind, or null when the adapter gave none
 * @param reason   one line fit for a list row
 * @param detail   traceback or failure detail
 * @param output   captured output of the test, or the unit's stray output
 * @param retrying true while the unit is queued for another attempt
 */
record FailureEntry(NodeId node, String worker, Outcome outcome, FailureKind kind, String reason,
                    String detail, String output, Duration duration, int attempt, boolean retrying) {

    FailureEntry retrying(boolean value) {
        return new FailureEntry(node, worker, outcome, kind, reason, detail, output, duration, attempt, value);
    }

    FailureEntry withOutcome(Outcome value) {
        return new FailureEntry(node, worker, value, kind, reason, detail, output, duration, attempt, false);
    }

    String id() {
        return node.id();
    }

    String unitId() {
        return node.unit();
    }

    /** False once a retry passed: the entry stays listed, as FLAKY. */
    boolean failing() {
        return outcome.isFailure();
    }
}
