package salvo.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import salvo.model.WorkerRef;
import salvo.worker.ExitStatus;
import salvo.worker.JsonLines;
import salvo.worker.PacedReader;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;

/**
 * A worker that joined the run, seen from the coordinator: its protocol lines arrive on its
 * TLS connection. It ends with the exit status it reports, or, when the connection drops
 * without one, as a lost host ({@link ExitStatus#HOST_LOST}); killing it closes the connection,
 * and the worker's side ends its process when it sees that.
 */
final class ServedWorker implements WorkerHandle {
    private static final int KILLED = 128 + 9;

    private final WorkerRef ref;
    private final SSLSocket socket;
    private volatile boolean killed;
    private volatile String tail = "";
    private final PacedReader lines = new PacedReader();
    /** The exit status the worker reported, if it did; written by the reader thread only. */
    private Integer reportedExit;

    ServedWorker(WorkerRef ref, SSLSocket socket) {
        this.ref = ref;
        this.socket = socket;
    }

    /** Reads until the connection ends, then posts {@code Exited}, last. Runs on its own thread. */
    void read(Consumer<WorkerSignal> inbox) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            lines.readLines(in, line -> {
                if (line.isBlank()) {
                    return true;
                }
                JsonNode message = JoinProtocol.JSON.readTree(line);
                if (JoinProtocol.is(message, "exited")) {
                    reportedExit = message.path("exit").asInt(1);
                    tail = message.path("output").asText("");
                    return false;
                }
                inbox.accept(new WorkerSignal.Message(this, message));
                return true;
            });
        } catch (IOException e) {
            // The connection dropped (or was closed by kill): the status below says which.
        } finally {
            close();
        }
        int code = killed ? KILLED : reportedExit != null ? reportedExit : ExitStatus.HOST_LOST;
        inbox.accept(new WorkerSignal.Exited(this, code, tail));
    }

    @Override
    public WorkerRef ref() {
        return ref;
    }

    @Override
    public boolean send(JsonNode message) {
        lines.answered();
        try {
            return JsonLines.send(socket.getOutputStream(), message);
        } catch (IOException e) {
            return false; // closed
        }
    }

    @Override
    public void answerAwaited() {
        lines.hurry();
    }

    @Override
    public void kill() {
        if (!socket.isClosed()) {
            killed = true;
            close();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    @Override
    public String outputTail() {
        return tail;
    }
}
