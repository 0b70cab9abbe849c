package salvo.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;
import salvo.model.WorkerRef;
import salvo.worker.Transport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * A worker's side of joining a run ({@code salvo worker --connect}): a TLS connection to the
 * run whose certificate is the pinned one, the token, then the run's welcome. {@link #relay}
 * then runs the local worker this machine's own command line describes and carries the protocol
 * lines both ways until either side ends. Nothing the run sends is run: only the worker protocol's
 * ops reach the worker, and the settings are data for the caller to check.
 */
public final class JoinedRun implements AutoCloseable {
    /** How long a worker whose session finished may take to exit after the run closed its connection. */
    private static final long SESSION_END_GRACE_SECONDS = 5;

    /** How long the run may take to welcome a connected worker: it may be busy starting up. */
    private static final int WELCOME_MILLIS = 120_000;

    private final SSLSocket socket;
    private final WorkerRef ref;
    private final JsonNode settings;
    private final String peer;

    private JoinedRun(SSLSocket socket, WorkerRef ref, JsonNode settings, String peer) {
        this.socket = socket;
        this.ref = ref;
        this.settings = settings;
        this.peer = peer;
    }

    /** The run said no, or is not the run the token file names: one line for the user. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }

    public static JoinedRun connect(String address, JoinToken token) throws IOException {
        SSLSocket socket = Knock.on(address, token, WELCOME_MILLIS);
        try {
            String line = JoinProtocol.readLine(socket.getInputStream(), JoinProtocol.MAX_ANSWER_LINE);
            JsonNode answer = line == null ? null : JoinProtocol.JSON.readTree(line);
            if (answer == null) {
                throw new IOException("the run closed the connection before welcoming this worker (has it ended?)");
            }
            if (JoinProtocol.is(answer, "refused")) {
                throw new Refused("the run at " + address + " refused this worker: " + answer.path("why").asText());
            }
            if (!JoinProtocol.is(answer, "welcome")) {
                throw new Refused("the run at " + address + " did not welcome this worker: " + line);
            }
            socket.setSoTimeout(0);
            return welcomed(socket, answer, address);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The run that {@code welcome} (a welcome line) admitted this worker to, as the name it gave it. */
    static JoinedRun welcomed(SSLSocket socket, JsonNode welcome, String peer) {
        WorkerRef ref = new WorkerRef(welcome.path("host").asText(), welcome.path("slot").asText());
        return new JoinedRun(socket, ref, welcome.path("settings"), peer);
    }

    private static void awaitQuietly(CompletableFuture<?> f, long seconds) {
        try {
            f.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Killed below.
        }
    }

    /** The name the run gave this worker ({@code host/gwN}). */
    public WorkerRef ref() {
        return ref;
    }

    /** Where the run is: the address joined, or the run's own address when it came to this worker. */
    public String peer() {
        return peer;
    }

    /** The run's data-only settings, for the caller to check and turn into its own command line. */
    public JsonNode settings() {
        return settings;
    }

    /**
     * Starts {@code spec} through {@code transport}, relays until the worker or the connection
     * ends, and returns the worker's exit status; when the connection drops first, the worker is
     * killed and -1 returned. Nothing is left running either way.
     */
    public int relay(Transport transport, WorkerSpec spec) throws IOException {
        CompletableFuture<WorkerSignal.Exited> exited = new CompletableFuture<>();
        // Once the worker's session has finished, the run may close the connection before the
        // worker has exited: that is the run ending it, not a drop.
        java.util.concurrent.atomic.AtomicBoolean sessionFinished = new java.util.concurrent.atomic.AtomicBoolean();
        WorkerHandle[] local = new WorkerHandle[1];
        local[0] = transport.launch(spec, WorkerRef.local(ref.slot()), signal -> {
            if (signal instanceof WorkerSignal.Messages m) {
                for (JsonNode body : m.bodies()) {
                    if ("session_finished".equals(body.path("ev").asText())) {
                        sessionFinished.set(true);
                    }
                    forward(body);
                }
            } else if (signal instanceof WorkerSignal.Exited x) {
                send(JoinProtocol.exited(x.exitCode(), x.output()));
                exited.complete(x);
                close();
            }
        });
        boolean dropped = true;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    local[0].send(JoinProtocol.JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            // The run went away, or the worker ended and closed it.
        } finally {
            dropped = !exited.isDone() && !sessionFinished.get();
            if (!dropped) {
                awaitQuietly(exited, SESSION_END_GRACE_SECONDS);
            }
            local[0].kill();
        }
        try {
            WorkerSignal.Exited x = exited.get(30, TimeUnit.SECONDS);
            return dropped ? -1 : x.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    /** The local worker's hello carries its loopback token: that secret stays on this machine. */
    private void forward(JsonNode body) {
        if (body.isObject() && body.has("token")) {
            ObjectNode copy = ((ObjectNode) body).deepCopy();
            copy.remove("token");
            send(copy);
        } else {
            send(body);
        }
    }

    /** A send that fails means the connection is gone: the reader sees it and ends the worker. */
    private void send(JsonNode message) {
        try {
            salvo.worker.JsonLines.send(socket.getOutputStream(), message);
        } catch (IOException e) {
            // Closed: as above.
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
