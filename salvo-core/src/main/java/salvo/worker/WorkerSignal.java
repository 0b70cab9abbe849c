package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Something a worker's transport reports, in order. {@link Exited} is always the last signal of
 * a worker and comes only after its channel and output were drained, so nothing a dead worker
 * said arrives after its death.
 */
public sealed interface WorkerSignal permits WorkerSignal.Messages, WorkerSignal.Output, WorkerSignal.Exited {
    WorkerHandle worker();

    /** Protocol messages (JSON objects) that arrived together, in order: at least one. */
    record Messages(WorkerHandle worker, List<JsonNode> bodies) implements WorkerSignal {
        public Messages {
            bodies = List.copyOf(bodies);
        }

        public static Messages one(WorkerHandle worker, JsonNode body) {
            return new Messages(worker, List.of(body));
        }
    }

    /** One line the worker wrote on its own stdout or stderr (only for {@link WorkerSpec.Io#STREAMED}). */
    record Output(WorkerHandle worker, String line) implements WorkerSignal {}

    /**
     * @param exitCode 128+N when killed by signal N
     * @param output   the tail of what it wrote outside the protocol
     */
    record Exited(WorkerHandle worker, int exitCode, String output) implements WorkerSignal {}
}
