package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import salvo.model.WorkerRef;

/** A launched worker, wherever it runs. Thread-safe. */
public interface WorkerHandle {
    WorkerRef ref();

    /** Sends one protocol message; false when the worker is gone or speaks no protocol. */
    boolean send(JsonNode message);

    /**
     * What the worker says next ends the job it was given (a file collected, a run's last test
     * done), and then it waits: a reader that paces a busy stream reads at once until the next
     * message sent to it.
     */
    default void answerAwaited() {}

    /** Kills the worker and everything it started, at once. Safe to call more than once. */
    void kill();

    /** The last output it wrote outside the protocol, at most a few KiB. */
    String outputTail();
}
