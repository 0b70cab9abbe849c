package salvo.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS 1.3 door that lets in only who presents its token: a fresh certificate, a token file
 * (address, fingerprint, token; mode 0600) for the other side, and the admission of each
 * connection. A connection must finish its handshake and present the token in its first line
 * within {@link #DEADLINE_MILLIS}; otherwise it is closed, unread beyond that line, with one line
 * in {@code log}. Both directions use it: a run serving joining workers ({@code --serve}) and a
 * worker listening for runs ({@code salvo worker --listen}, {@code --tx socket=}).
 */
final class TokenDoor implements AutoCloseable {
    static final int DEADLINE_MILLIS = 5000;

    private final SSLServerSocket server;
    private final JoinToken token;
    private final Path tokenFile;
    private final String visitor;
    private final Consumer<String> log;

    private TokenDoor(SSLServerSocket server, JoinToken token, Path tokenFile, String visitor, Consumer<String> log) {
        this.server = server;
        this.token = token;
        this.tokenFile = tokenFile;
        this.visitor = visitor;
        this.log = log;
    }

    /**
     * Listens at {@code address} with a fresh certificate and writes the token file; nobody is let
     * in yet. {@code visitor} is who knocks, as the log names a refused one ("a worker").
     */
    static TokenDoor open(ServeAddress address, Path tokenFile, String visitor, Consumer<String> log) throws IOException {
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
            return new TokenDoor(server, token, tokenFile, visitor, log);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Where the other side connects, as the token file says it. */
    String address() {
        return token.address();
    }

    Path tokenFile() {
        return tokenFile;
    }

    /**
     * Lets connections in on a thread of its own until closed: each admitted one is handed to
     * {@code admitted} on a thread of its own, its read timeout off. When {@code admitted} throws
     * {@link Refusal} or an I/O error, the connection is closed with one line in the log.
     */
    void open(String threadName, Admitted admitted) {
        Thread t = new Thread(() -> acceptAll(admitted), threadName);
        t.setDaemon(true);
        t.start();
    }

    /** What happens to a connection once it has shown the token. */
    interface Admitted {
        void enter(SSLSocket socket, String peer) throws IOException;
    }

    private void acceptAll(Admitted admitted) {
        while (!server.isClosed()) {
            SSLSocket socket;
            try {
                socket = (SSLSocket) server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread t = new Thread(() -> greet(socket, admitted), "salvo-door-" + socket.getInetAddress().getHostAddress());
            t.setDaemon(true);
            t.start();
        }
    }

    private void greet(SSLSocket socket, Admitted admitted) {
        String peer = ServeAddress.join(socket.getInetAddress().getHostAddress(), socket.getPort());
        try {
            admit(socket);
            admitted.enter(socket, peer);
        } catch (IOException | RuntimeException e) {
            log.accept("refused " + visitor + " from " + peer + ": " + e.getMessage());
            closeQuietly(socket);
        }
    }

    /** The handshake and the token, within the deadline. */
    private void admit(SSLSocket socket) throws IOException {
        socket.setSoTimeout(DEADLINE_MILLIS);
        socket.setTcpNoDelay(true);
        try {
            socket.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new Refusal("no TLS handshake within " + DEADLINE_MILLIS / 1000 + " s");
        } catch (SSLException e) {
            throw noTls(e);
        }
        InputStream in = socket.getInputStream();
        String first;
        try {
            first = JoinProtocol.readLine(in, JoinProtocol.MAX_JOIN_LINE);
        } catch (SocketTimeoutException e) {
            throw new Refusal("no token within " + DEADLINE_MILLIS / 1000 + " s");
        } catch (SSLException e) {
            throw noTls(e); // in TLS 1.3 a client's alert (it refused our certificate) may come after our handshake
        } catch (IOException e) {
            throw new Refusal("its first line is not a join (" + e.getMessage() + ")");
        }
        JsonNode join = JoinProtocol.parse(first);
        if (!JoinProtocol.is(join, "join") || !token.accepts(join.path("token").asText(null))) {
            socket.getOutputStream().write(JoinProtocol.line(JoinProtocol.refused("wrong token")));
            throw new Refusal(JoinProtocol.is(join, "join") ? "wrong token" : "its first line is not a join");
        }
        socket.setSoTimeout(0);
    }

    private static Refusal noTls(SSLException e) {
        return new Refusal("no TLS 1.3 session (" + e.getMessage() + ")");
    }

    static void closeQuietly(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Refused anyway.
        }
    }

    /** Stops listening and deletes the token file: it names a door that is gone. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException ignored) {
            // Whoever reads it finds nobody there.
        }
    }

    /** A connection that is not let in, and why, in the words of the log. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String why) {
            super(why);
        }
    }
}
