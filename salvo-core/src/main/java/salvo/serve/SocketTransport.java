package salvo.serve;

import java.io.IOException;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import salvo.model.WorkerRef;
import salvo.worker.JsonLines;
import salvo.worker.Transport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * Workers of a {@code --tx socket=} environment: each launch is one more connection to a
 * {@link ListeningWorker}, which starts a worker of its own for it, from its own command line and
 * the spec's data-only settings (the command line is not sent). Once welcomed, the connection is
 * a {@link ServedWorker}, as if the worker had joined the run.
 */
public final class SocketTransport implements Transport {
    /** How long a listening worker may take to let a run in. */
    private static final int READY_MILLIS = 15_000;

    private final String address;
    private final JoinToken token;

    public SocketTransport(String address, JoinToken token) {
        this.address = address;
        this.token = token;
    }

    @Override
    public WorkerHandle launch(WorkerSpec spec, WorkerRef ref, Consumer<WorkerSignal> inbox) throws IOException {
        SSLSocket socket;
        try {
            socket = Knock.on(address, token, READY_MILLIS);
        } catch (JoinedRun.Refused e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("no Salvo worker answers at " + address + " (" + e.getMessage()
                    + "): start one there with salvo worker --listen", e);
        }
        try {
            String line = JoinProtocol.readLine(socket.getInputStream(), JoinProtocol.MAX_ANSWER_LINE);
            var answer = JoinProtocol.parse(line);
            if (JoinProtocol.is(answer, "refused")) {
                throw new JoinedRun.Refused("the worker at " + address + " refused this run: " + answer.path("why").asText());
            }
            if (!JoinProtocol.is(answer, "ready")) {
                throw new IOException(line == null ? "the worker at " + address + " closed the connection"
                        : "no Salvo worker listens at " + address);
            }
            JsonLines.send(socket.getOutputStream(), JoinProtocol.welcome(ref.host(), ref.slot(), spec.settings()));
            socket.setSoTimeout(0);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        ServedWorker worker = new ServedWorker(ref, socket);
        Thread reader = new Thread(() -> worker.read(inbox), "salvo-socket-" + ref.slot());
        reader.setDaemon(true);
        reader.start();
        return worker;
    }
}
