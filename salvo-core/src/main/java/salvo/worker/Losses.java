package salvo.worker;

import java.time.Duration;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;

/**
 * What a test or a unit gets when its process ended under it: one home for the result and for
 * the words, so every mode reports a crash or a timeout the same way.
 */
public final class Losses {
    private Losses() {}

    /** The only result a node gets when its process ended while it ran: CRASHED, or TIMEOUT for its time limit. */
    public static TestResult lostTest(NodeId node, Failure failure, Duration ran, int attempt) {
        Outcome outcome = failure.kind() == FailureKind.TIMEOUT ? Outcome.TIMEOUT : Outcome.CRASHED;
        return new TestResult(node, outcome, ran, failure, "", attempt);
    }

    /** "{who} was killed by SIGSEGV during {what}": a crash of the process that ran something. */
    public static Failure crashed(String who, int exitCode, String during, String output) {
        return new Failure(FailureKind.CRASH, who + " " + ExitStatus.describe(exitCode) + " " + during, output);
    }

    /** A limit ran out: "{what} exceeded the 300s timeout; {consequence}". */
    public static Failure timedOut(String what, Duration limit, String consequence, String output) {
        return new Failure(FailureKind.TIMEOUT, what + " exceeded the " + seconds(limit) + " timeout"
                + (consequence.isEmpty() ? "" : "; " + consequence), output);
    }

    public static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : (ms / 1000.0) + "s";
    }
}
