package salvo.sequence.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import salvo.sequence.python.Json;

/**
 * The UDP side of json_rpc (§3.11): a socket bound to rcv_port (joined to the server's group
 * when the server is a multicast address), requests sent to server:snd_port. Replies to other
 * ids wait here for a later receive.
 */
public final class UdpEndpoint implements AutoCloseable {
    private static final int POLL_MILLIS = 50;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final int bufsize;
    private final List<JsonNode> pending = new ArrayList<>();

    private UdpEndpoint(DatagramSocket socket, InetSocketAddress server, int bufsize) {
        this.socket = socket;
        this.server = server;
        this.bufsize = bufsize;
    }

    public static UdpEndpoint open(String server, int sndPort, int rcvPort, int bufsize, String multicastIf)
            throws IOException {
        InetAddress address = InetAddress.getByName(server);
        DatagramSocket socket;
        if (address.isMulticastAddress()) {
            MulticastSocket m = new MulticastSocket(rcvPort);
            NetworkInterface nif = multicastIf == null ? null : NetworkInterface.getByName(multicastIf);
            if (multicastIf != null && nif == null) {
                m.close();
                throw new IOException("no network interface named '" + multicastIf + "' (multicast_if)");
            }
            m.joinGroup(new InetSocketAddress(address, rcvPort), nif);
            socket = m;
        } else {
            socket = new DatagramSocket(rcvPort);
        }
        socket.setSoTimeout(POLL_MILLIS);
        return new UdpEndpoint(socket, new InetSocketAddress(address, sndPort), bufsize);
    }

    public void send(JsonNode frame) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(frame);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /**
     * The next reply with {@code id}, or null when none came within {@code timeoutSeconds} (or a
     * stop). Requests are skipped; frames that are not JSON go to {@code skipped}.
     */
    public synchronized JsonNode receive(Object id, double timeoutSeconds, BooleanSupplier stopped,
                                         Consumer<String> skipped) throws IOException {
        for (Iterator<JsonNode> it = pending.iterator(); it.hasNext(); ) {
            JsonNode frame = it.next();
            if (RpcFrames.sameId(frame, id)) {
                it.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        byte[] buffer = new byte[bufsize];
        while (System.nanoTime() < deadline && !stopped.getAsBoolean()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            String text = new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
            JsonNode frame;
            try {
                frame = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                skipped.accept("not JSON: " + text.strip());
                continue;
            }
            if (frame == null || RpcFrames.isRequest(frame)) {
                continue;
            }
            if (RpcFrames.sameId(frame, id)) {
                return frame;
            }
            pending.add(frame);
        }
        return null;
    }

    /** The ids of the replies that came for other queries, for a timeout's message. */
    public synchronized List<String> pendingIds() {
        return pending.stream().map(f -> f.path("id").toString()).toList();
    }

    @Override
    public synchronized void close() {
        socket.close();
    }
}
