package salvo.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;
import salvo.model.WorkerRef;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;

/**
 * The run's door for workers that join it ({@code salvo run --serve}): a {@link TokenDoor} with
 * the run's own certificate. An admitted connection is welcomed with its name and the run's
 * settings and becomes a {@link WorkerHandle} like any other, whose signals go to the pool's
 * inbox in order, {@code Exited} last.
 */
public final class ServedWorkers implements AutoCloseable {
    private final TokenDoor door;
    private final List<ServedWorker> admitted = new ArrayList<>();
    private boolean serving;
    private boolean closed;

    private ServedWorkers(TokenDoor door) {
        this.door = door;
    }

    /**
     * Listens at {@code address} with a fresh certificate and writes the token file; nobody is
     * admitted before {@link #admit}. {@code log} hears each refusal.
     */
    public static ServedWorkers open(ServeAddress address, Path tokenFile, Consumer<String> log) throws IOException {
        return new ServedWorkers(TokenDoor.open(address, tokenFile, "a worker", log));
    }

    /** Where workers connect, as the token file says it. */
    public String address() {
        return door.address();
    }

    public Path tokenFile() {
        return door.tokenFile();
    }

    /**
     * Starts admitting workers: each gets its name from {@code name} (given its peer's address),
     * the run's data-only {@code settings}, and is handed to {@code arrived} before anything it
     * says reaches {@code inbox}.
     */
    public synchronized void admit(JsonNode settings, Function<String, WorkerRef> name, Consumer<WorkerSignal> inbox,
                                   Consumer<WorkerHandle> arrived) {
        if (serving) {
            throw new IllegalStateException("already admitting workers");
        }
        serving = true;
        door.open("salvo-serve", (socket, peer) -> welcome(socket, settings, name, inbox, arrived));
    }

    /** Names the worker, tells it so, then reads its messages on this thread until it ends. */
    private void welcome(SSLSocket socket, JsonNode settings, Function<String, WorkerRef> name,
                         Consumer<WorkerSignal> inbox, Consumer<WorkerHandle> arrived) throws IOException {
        ServedWorker worker;
        synchronized (this) {
            if (closed) {
                throw new TokenDoor.Refusal("the run has ended");
            }
            worker = new ServedWorker(name.apply(socket.getInetAddress().getHostAddress()), socket);
            admitted.add(worker);
        }
        worker.send(JoinProtocol.welcome(worker.ref().host(), worker.ref().slot(), settings));
        arrived.accept(worker);
        worker.read(inbox);
    }

    /** Stops listening, drops every joined worker's connection and deletes the token file. */
    @Override
    public void close() {
        List<ServedWorker> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(admitted);
        }
        door.close();
        all.forEach(ServedWorker::kill);
    }
}
