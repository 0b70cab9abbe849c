package salvo.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import salvo.model.WorkerRef;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;

/**
 * The run's door for workers that join it ({@code salvo run --serve}): a TLS 1.3 server with the
 * run's own certificate, and the token file that tells a worker where it is, which certificate to
 * pin and which token to present. A connection must finish its handshake and present the token
 * in its first line within {@link #JOIN_DEADLINE_MILLIS}; otherwise it is closed, unread, with one
 * line in the run's log, and the run goes on. An admitted connection becomes a {@link WorkerHandle}
 * like any other, whose signals go to the pool's inbox in order, {@code Exited} last.
 */
public final class ServedWorkers implements AutoCloseable {
    static final int JOIN_DEADLINE_MILLIS = 5000;

    private final SSLServerSocket server;
    private final JoinToken token;
    private final Path tokenFile;
    private final Consumer<String> log;
    private final List<ServedWorker> admitted = new ArrayList<>();
    private boolean serving;
    private volatile boolean closed;

    private ServedWorkers(SSLServerSocket server, JoinToken token, Path tokenFile, Consumer<String> log) {
        this.server = server;
        this.token = token;
        this.tokenFile = tokenFile;
        this.log = log;
    }

    /**
     * Listens at {@code address} with a fresh certificate and writes the token file; nobody is
     * admitted before {@link #admit}. {@code log} hears each refusal.
     */
    public static ServedWorkers open(ServeAddress address, Path tokenFile, Consumer<String> log) throws IOException {
        RunCertificate certificate = RunCertificate.generate();
        SSLServerSocket server = (SSLServerSocket) certificate.context().getServerSocketFactory().createServerSocket();
        try {
            server.setEnabledProtocols(new String[] {"TLSv1.3"});
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()), 16);
            InetAddress bound = server.getInetAddress();
            String host = bound.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : bound.getHostAddress();
            JoinToken token = JoinToken.fresh(ServeAddress.join(host, server.getLocalPort()), certificate.fingerprint());
            token.write(tokenFile);
            return new ServedWorkers(server, token, tokenFile, log);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Where workers connect, as the token file says it. */
    public String address() {
        return token.address();
    }

    public Path tokenFile() {
        return tokenFile;
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
        Thread t = new Thread(() -> accept(settings, name, inbox, arrived), "salvo-serve");
        t.setDaemon(true);
        t.start();
    }

    private void accept(JsonNode settings, Function<String, WorkerRef> name, Consumer<WorkerSignal> inbox,
                        Consumer<WorkerHandle> arrived) {
        while (!closed) {
            SSLSocket socket;
            try {
                socket = (SSLSocket) server.accept();
            } catch (IOException e) {
                return; // closed at the end of the run
            }
            Thread t = new Thread(() -> greet(socket, settings, name, inbox, arrived),
                    "salvo-join-" + socket.getInetAddress().getHostAddress());
            t.setDaemon(true);
            t.start();
        }
    }

    /** The handshake and the token, within the deadline; then the worker's messages, on this thread. */
    private void greet(SSLSocket socket, JsonNode settings, Function<String, WorkerRef> name, Consumer<WorkerSignal> inbox,
                       Consumer<WorkerHandle> arrived) {
        String peer = ServeAddress.join(socket.getInetAddress().getHostAddress(), socket.getPort());
        try {
            socket.setSoTimeout(JOIN_DEADLINE_MILLIS);
            socket.setTcpNoDelay(true);
            try {
                socket.startHandshake();
            } catch (SocketTimeoutException e) {
                throw new Refusal("no TLS handshake within " + JOIN_DEADLINE_MILLIS / 1000 + " s");
            } catch (SSLException e) {
                throw noTls(e);
            }
            InputStream in = socket.getInputStream();
            String first;
            try {
                first = JoinProtocol.readLine(in, JoinProtocol.MAX_JOIN_LINE);
            } catch (SocketTimeoutException e) {
                throw new Refusal("no token within " + JOIN_DEADLINE_MILLIS / 1000 + " s");
            } catch (SSLException e) {
                throw noTls(e); // in TLS 1.3 a client's alert (it refused our certificate) may come after our handshake
            } catch (IOException e) {
                throw new Refusal("its first line is not a join (" + e.getMessage() + ")");
            }
            JsonNode join = parse(first);
            if (!JoinProtocol.is(join, "join") || !token.accepts(join.path("token").asText(null))) {
                socket.getOutputStream().write(JoinProtocol.line(JoinProtocol.refused("wrong token")));
                throw new Refusal(join == null || !JoinProtocol.is(join, "join") ? "its first line is not a join"
                        : "wrong token");
            }
            socket.setSoTimeout(0);
            ServedWorker worker;
            synchronized (this) {
                if (closed) {
                    throw new Refusal("the run has ended");
                }
                WorkerRef ref = name.apply(socket.getInetAddress().getHostAddress());
                worker = new ServedWorker(ref, socket);
                admitted.add(worker);
            }
            worker.send(JoinProtocol.welcome(worker.ref().host(), worker.ref().slot(), settings));
            arrived.accept(worker);
            worker.read(inbox);
        } catch (Refusal r) {
            log.accept("refused a worker from " + peer + ": " + r.getMessage());
            closeQuietly(socket);
        } catch (IOException | RuntimeException e) {
            log.accept("refused a worker from " + peer + ": " + e.getMessage());
            closeQuietly(socket);
        }
    }

    private static Refusal noTls(SSLException e) {
        return new Refusal("no TLS 1.3 session (" + e.getMessage() + ")");
    }

    private static JsonNode parse(String line) {
        if (line == null) {
            return null;
        }
        try {
            return JoinProtocol.JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Refused anyway.
        }
    }

    /** Stops listening, drops every joined worker's connection and deletes the token file. */
    @Override
    public void close() {
        List<ServedWorker> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(admitted);
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        all.forEach(ServedWorker::kill);
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException ignored) {
            // It names a run that is over: a worker reading it finds nobody there.
        }
    }

    /** A connection that is not let in, and why, in the words of the run's log. */
    private static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String why) {
            super(why);
        }
    }
}
