package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import salvo.model.WorkerRef;

/** A launched worker, wherever it runs. Thread-safe. */
public interface WorkerHandle {
    WorkerRef ref();

    /** Sends one protocol message; false when the worker is gone or speaks no protocol. */
    boolean send(JsonNode message);

    /** Kills the worker and everything it started, at once. Safe to call more than once. */
    void kill();

    /** The last output it wrote outside the protocol, at most a few KiB. */
    String outputTail();
}
