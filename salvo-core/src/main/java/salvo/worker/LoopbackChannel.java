package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local transport's channel to one worker process: a loopback socket, private to Salvo so
 * test output cannot corrupt it, carrying JSON lines. The first message must carry the token
 * given to the process, so no other local program can inject results.
 */
final class LoopbackChannel implements AutoCloseable {
    /** The environment variable that tells a worker where to connect: {@code <port>:<token>}. */
    static final String ENV = "SALVO_CHANNEL";

    private final ServerSocket server;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    private final Thread reader;
    private volatile Socket socket;
    private volatile java.io.OutputStream output;
    private final PacedReader lines = new PacedReader();

    private LoopbackChannel(ServerSocket server, Consumer<List<JsonNode>> batches, String name) {
        this.server = server;
        this.reader = new Thread(() -> serve(batches), name);
        this.reader.setDaemon(true);
    }

    static LoopbackChannel open(Consumer<List<JsonNode>> batches, String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        LoopbackChannel channel = new LoopbackChannel(server, batches, name);
        channel.reader.start();
        return channel;
    }

    /** The value of SALVO_CHANNEL for the process. */
    String spec() {
        return server.getLocalPort() + ":" + token;
    }

    private void serve(Consumer<List<JsonNode>> batches) {
        try (Socket s = server.accept()) {
            socket = s;
            output = s.getOutputStream();
            s.setTcpNoDelay(true); // small request/reply messages: Nagle's delay would cost 40 ms each
            server.close();
            lines.readMessages(s.getInputStream(), hello -> token.equals(hello.path("token").asText()), batches);
        } catch (IOException e) {
            // Closed on purpose, or the process died mid-line: the log has what arrived.
        }
    }

    /**
     * Sends one message to the worker. Thread-safe: replies to shared-state calls complete on
     * other threads than the coordinator's. False when the worker is gone.
     */
    boolean send(JsonNode message) {
        lines.answered();
        java.io.OutputStream out = output;
        return out != null && JsonLines.send(out, message);
    }

    /** What the worker says next ends its job: read it as it comes, until the next message to it. */
    void hurry() {
        lines.hurry();
    }

    /** The process ended: a connection that never came never will (the reader stops waiting for it). */
    void stopAccepting() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed: it accepted its connection.
        }
    }

    /** Waits for the rest of the messages after the process ended (its socket reaches EOF). */
    void awaitEnd(long millis) {
        try {
            reader.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Socket s = socket;
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }
}
