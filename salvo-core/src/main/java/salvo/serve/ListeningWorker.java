package salvo.serve;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;

/**
 * A worker that waits for runs to come to it ({@code salvo worker --listen}; a run names it with
 * {@code --tx socket=HOST:PORT//token_file=F}): a {@link TokenDoor} with the worker's own
 * certificate. A run that shows the token is told {@code ready}, and must then welcome it within
 * the door's deadline as a served run welcomes a joining worker; from there it is a
 * {@link JoinedRun}, relayed by the caller. Several runs (or one run's several workers) may be
 * served at once, each on its own connection.
 */
public final class ListeningWorker implements AutoCloseable {
    private static final long WORKERS_END_MILLIS = 10_000;

    private final TokenDoor door;
    private final Set<JoinedRun> open = new HashSet<>();
    private boolean closed;

    private ListeningWorker(TokenDoor door) {
        this.door = door;
    }

    /** Listens at {@code address} and writes the token file a run needs; {@code log} hears each refusal. */
    public static ListeningWorker open(ServeAddress address, Path tokenFile, Consumer<String> log) throws IOException {
        return new ListeningWorker(TokenDoor.open(address, tokenFile, "a run", log));
    }

    public String address() {
        return door.address();
    }

    public Path tokenFile() {
        return door.tokenFile();
    }

    /**
     * Serves every run that comes until closed, each on a thread of its own: {@code serve} gets the
     * run, relays it and returns when it is over; the connection is closed after.
     */
    public void serve(Consumer<JoinedRun> serve) {
        door.open("salvo-listen", (socket, peer) -> {
            JoinedRun run = welcomed(socket, peer);
            try {
                serve.accept(run);
            } finally {
                run.close();
                synchronized (this) {
                    open.remove(run);
                    notifyAll();
                }
            }
        });
    }

    private JoinedRun welcomed(SSLSocket socket, String peer) throws IOException {
        socket.getOutputStream().write(JoinProtocol.line(JoinProtocol.ready()));
        socket.getOutputStream().flush();
        socket.setSoTimeout(TokenDoor.DEADLINE_MILLIS);
        String line;
        try {
            line = JoinProtocol.readLine(socket.getInputStream(), JoinProtocol.MAX_ANSWER_LINE);
        } catch (SocketTimeoutException e) {
            throw new TokenDoor.Refusal("no welcome within " + TokenDoor.DEADLINE_MILLIS / 1000 + " s");
        }
        var welcome = JoinProtocol.parse(line);
        if (!JoinProtocol.is(welcome, "welcome")) {
            throw new TokenDoor.Refusal("it did not welcome this worker");
        }
        socket.setSoTimeout(0);
        JoinedRun run = JoinedRun.welcomed(socket, welcome, peer);
        synchronized (this) {
            if (closed) {
                throw new TokenDoor.Refusal("this worker is stopping");
            }
            open.add(run);
        }
        return run;
    }

    /**
     * Stops listening, ends every run's connection and waits (a few seconds at most) for their
     * workers to end with them; deletes the token file.
     */
    @Override
    public void close() {
        List<JoinedRun> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(open);
        }
        door.close();
        all.forEach(JoinedRun::close);
        long deadline = System.currentTimeMillis() + WORKERS_END_MILLIS;
        synchronized (this) {
            try {
                for (long left; !open.isEmpty() && (left = deadline - System.currentTimeMillis()) > 0; ) {
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
