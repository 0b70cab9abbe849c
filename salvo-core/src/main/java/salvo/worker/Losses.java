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

    /**
     * The line of a dying process's output most likely to say why: an assertion-style "E ..."
     * line, an "ERROR:" line or one naming an Error, searched from the end; else the last line.
     */
    public static String lastMeaningfulLine(String output) {
        java.util.List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("E ") || l.startsWith("ERROR:") || l.contains("Error:")) {
                return l.startsWith("E ") ? l.substring(1).strip() : l;
            }
        }
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    public static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : (ms / 1000.0) + "s";
    }
}
