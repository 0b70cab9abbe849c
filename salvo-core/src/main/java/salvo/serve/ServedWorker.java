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
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;

/**
 * A worker that joined the run, seen from the coordinator: its protocol lines arrive on its
 * TLS connection. It ends with the exit status it reports, or, when the connection drops
 * without one, as a lost host ({@link ExitStatus#HOST_LOST}); killing it closes the connection,
 * and the worker's side ends its process when it sees that. Its lines are read as they come, never
 * paced ({@code PacedReader}): when its host goes, a TCP reset drops what arrived but was not yet
 * read, and the test it had started must be known to run again.
 */
final class ServedWorker implements WorkerHandle {
    private static final int KILLED = 128 + 9;

    private final WorkerRef ref;
    private final SSLSocket socket;
    private volatile boolean killed;
    private volatile String tail = "";

    ServedWorker(WorkerRef ref, SSLSocket socket) {
        this.ref = ref;
        this.socket = socket;
    }

    /** Reads until the connection ends, then posts {@code Exited}, last. Runs on its own thread. */
    void read(Consumer<WorkerSignal> inbox) {
        Integer reported = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode message = JoinProtocol.JSON.readTree(line);
                if (JoinProtocol.is(message, "exited")) {
                    reported = message.path("exit").asInt(1);
                    tail = message.path("output").asText("");
                    break;
                }
                inbox.accept(WorkerSignal.Messages.one(this, message));
            }
        } catch (IOException e) {
            // The connection dropped (or was closed by kill): the status below says which.
        } finally {
            close();
        }
        int code = killed ? KILLED : reported != null ? reported : ExitStatus.HOST_LOST;
        inbox.accept(new WorkerSignal.Exited(this, code, tail));
    }

    @Override
    public WorkerRef ref() {
        return ref;
    }

    @Override
    public boolean send(JsonNode message) {
        try {
            return JsonLines.send(socket.getOutputStream(), message);
        } catch (IOException e) {
            return false; // closed
        }
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
