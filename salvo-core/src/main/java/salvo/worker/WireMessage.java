package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import salvo.model.Failure;
import salvo.model.Outcome;
import salvo.model.TestResult;

/**
 * A message of Salvo's worker protocol (docs/worker-protocol.md), worker to coordinator, typed.
 * Ids are the adapter's wire ids; {@link NodeNames} places them in the tree.
 */
public sealed interface WireMessage {

    /** The first message; {@code mode} is "file" (one shot) or "worker" (fed work). */
    record Hello(String mode) implements WireMessage {}

    /**
     * A file's selected tests, in file order, how many a filter deselected, and the nodes that
     * skipped themselves while being collected (a file that skips at import): each counts as
     * one skipped test, as the framework counts it. {@code warnings} were recorded while it was
     * collected; {@code configWarnings} (each by its text) while the process configured itself,
     * sent with its first file only.
     */
    record Collected(String file, List<String> ids, int deselected, List<Item> items, List<Skip> skipped,
                     int warnings, List<String> configWarnings) implements WireMessage {
        public Collected {
            ids = List.copyOf(ids);
            items = List.copyOf(items);
            skipped = List.copyOf(skipped);
            configWarnings = List.copyOf(configWarnings);
        }
    }

    /** A node skipped as a whole at collection, and why. */
    record Skip(String nodeId, String message) {
        public TestResult result(NodeNames names, int attempt) {
            return new TestResult(names.node(nodeId), Outcome.SKIPPED, Duration.ZERO,
                    Failure.of(salvo.model.FailureKind.SKIP, message), "", attempt);
        }
    }

    /** A collected test as the scheduler needs it; {@code group} is null when ungrouped. */
    record Item(String id, String group, String strategy, String scope) {}

    /** A node (file, package, conftest) could not be collected; {@code file} is "" in file mode. */
    record CollectError(String nodeId, String file, Failure failure) implements WireMessage {}

    /** A session-wide fixture failed its teardown, when no test is left to charge it to. */
    record TeardownError(Failure failure) implements WireMessage {}

    record TestStarted(String nodeId) implements WireMessage {}

    record TestFinished(String nodeId, Outcome outcome, Duration duration, String output, Failure failure,
                        int warnings) implements WireMessage {
        public TestResult result(NodeNames names, int attempt) {
            return new TestResult(names.node(nodeId), outcome, duration, failure, output, attempt).withWarnings(warnings);
        }
    }

    /** Ready for work: after start-up, and after each job. */
    record Idle() implements WireMessage {}

    /** A fixture needs shared state; the worker waits for the reply to {@code req}. */
    record Call(long req, String method, JsonNode args) implements WireMessage {}

    /** The session ended; threads that would keep the process alive are named. */
    record SessionFinished(int exitStatus, List<Lingering> threads) implements WireMessage {
        public SessionFinished {
            threads = List.copyOf(threads);
        }
    }

    /** A thread still running at the session's end: where it was started and where it is now. */
    record Lingering(String name, String target, String where) {}

    /** Fork isolation: the child doing the worker's job died with this status; the worker lives on. */
    record ChildLost(int exitCode) implements WireMessage {}

    /** A message this Salvo does not know (a newer worker): ignored. */
    record Unknown(String ev) implements WireMessage {}
}
