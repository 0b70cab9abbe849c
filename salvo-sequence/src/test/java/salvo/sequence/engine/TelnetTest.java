package salvo.sequence.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The telnet layer over a real loopback connection, a server on one end and a console on the other. */
class TelnetTest {
    private static final int IAC = 255, WILL = 251, DO = 253, DONT = 254, WONT = 252, SB = 250, SE = 240;

    /** telnetd ends a shell's prompt with WILL ECHO and then waits: the prompt must reach the console then. */
    @Test
    void dataFollowedByACommandIsReadWithoutWaitingForMore() throws Exception {
        try (Pair pair = new Pair()) {
            pair.server.getOutputStream().write(bytes("# ", IAC, WILL, 1));
            InputStream console = Telnet.reading(pair.client.getInputStream(), pair.client.getOutputStream());
            byte[] buffer = new byte[100];
            String read = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                Thread.sleep(100); // all of it arrived before the read
                int n = console.read(buffer, 0, buffer.length);
                return new String(buffer, 0, n, StandardCharsets.UTF_8);
            });
            assertEquals("# ", read);
            // Answered in the same read, though it came after the data.
            assertArrayEquals(new byte[] {(byte) IAC, (byte) DONT, 1}, pair.server.getInputStream().readNBytes(3));
        }
    }

    @Test
    void negotiationIsRefusedAndSubnegotiationAndEscapesAreTakenOut() throws Exception {
        try (Pair pair = new Pair()) {
            OutputStream server = pair.server.getOutputStream();
            server.write(bytes("", IAC, DO, 24, IAC, WILL, 3));
            server.write(bytes("a", IAC, SB, 24, IAC, IAC, SE, 1, IAC, SE));
            server.write(bytes("b", IAC, IAC, 'c'));
            pair.server.shutdownOutput();
            InputStream console = Telnet.reading(pair.client.getInputStream(), pair.client.getOutputStream());
            byte[] data = assertTimeoutPreemptively(Duration.ofSeconds(5), console::readAllBytes);
            assertArrayEquals(new byte[] {'a', 'b', (byte) IAC, 'c'}, data);
            assertArrayEquals(new byte[] {(byte) IAC, (byte) WONT, 24, (byte) IAC, (byte) DONT, 3},
                    pair.server.getInputStream().readNBytes(6));
        }
    }

    /** In one write to the socket: a byte at a time, a line would leave in as many packets. */
    @Test
    void writtenDataHasItsIacEscapedAndLeavesInOneWrite() throws Exception {
        try (Pair pair = new Pair()) {
            int[] writes = {0};
            OutputStream counted = new java.io.FilterOutputStream(pair.client.getOutputStream()) {
                @Override
                public void write(int b) throws java.io.IOException {
                    writes[0]++;
                    out.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                    writes[0]++;
                    out.write(bytes, offset, length);
                }
            };
            OutputStream console = Telnet.writing(counted);
            console.write(new byte[] {'x', (byte) IAC, 'y', '\n'});
            console.flush();
            pair.client.shutdownOutput();
            assertArrayEquals(new byte[] {'x', (byte) IAC, (byte) IAC, 'y', '\n'}, pair.server.getInputStream().readAllBytes());
            assertEquals(1, writes[0]);
        }
    }

    private static byte[] bytes(String text, int... after) {
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + after.length);
        for (int i = 0; i < after.length; i++) {
            all[head.length + i] = (byte) after[i];
        }
        return all;
    }

    /** Both ends of one loopback connection. */
    private static final class Pair implements AutoCloseable {
        final Socket client;
        final Socket server;

        Pair() throws Exception {
            try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                client = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
                server = listening.accept();
                server.setSoTimeout(5_000); // a reply that never comes fails the test, not the build
                client.setSoTimeout(5_000);
            }
        }

        @Override
        public void close() throws Exception {
            client.close();
            server.close();
        }
    }
}
