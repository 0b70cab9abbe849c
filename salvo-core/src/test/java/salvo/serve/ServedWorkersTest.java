package salvo.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.WorkerRef;
import salvo.worker.ExitStatus;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;

/** The run's side of joining, over real TLS on loopback: pinning, the token, the deadline, the signals. */
class ServedWorkersTest {
    @TempDir
    Path dir;

    private ServedWorkers served;
    private JoinToken token;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final BlockingQueue<WorkerSignal> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<WorkerHandle> arrived = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws IOException {
        served = ServedWorkers.open(new ServeAddress("127.0.0.1", 0), dir.resolve("join-token"), log::add);
        token = JoinToken.read(dir.resolve("join-token"));
        served.admit(JoinProtocol.JSON.createObjectNode().put("markers", "not slow"),
                host -> new WorkerRef(host, "gw9"), inbox::add, arrived::add);
    }

    @AfterEach
    void close() {
        served.close();
    }

    private SSLSocket tls(String fingerprint) throws Exception {
        String[] hp = token.address().split(":");
        SSLSocket s = (SSLSocket) new PinnedCertificate(fingerprint).context().getSocketFactory()
                .createSocket(hp[0], Integer.parseInt(hp[1]));
        s.setSoTimeout(20_000);
        s.startHandshake();
        return s;
    }

    private static void send(SSLSocket s, String line) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static JsonNode receive(SSLSocket s) throws IOException {
        return JoinProtocol.JSON.readTree(JoinProtocol.readLine(s.getInputStream(), 1 << 16));
    }

    @Test
    void theCertificateIsPinnedByItsFingerprint() throws Exception {
        assertEquals("TLSv1.3", tls(token.fingerprint()).getSession().getProtocol());
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> tls("0".repeat(64)));
        assertTrue(e.getMessage().contains(PinnedCertificate.MISMATCH + token.fingerprint()), e.getMessage());
    }

    @Test
    void aJoinedWorkerIsAHandleWhoseSignalsEndWithItsExit() throws Exception {
        SSLSocket s = tls(token.fingerprint());
        send(s, JoinProtocol.join(token.token()).toString());
        JsonNode welcome = receive(s);
        assertEquals("welcome", welcome.path("salvo").asText());
        assertEquals("gw9", welcome.path("slot").asText());
        assertEquals("127.0.0.1", welcome.path("host").asText());
        assertEquals("not slow", welcome.path("settings").path("markers").asText());
        WorkerHandle worker = arrived.poll(10, TimeUnit.SECONDS);
        assertEquals(new WorkerRef("127.0.0.1", "gw9"), worker.ref());
        send(s, "{\"ev\":\"idle\"}");
        WorkerSignal.Messages idle = assertInstanceOf(WorkerSignal.Messages.class, inbox.poll(10, TimeUnit.SECONDS));
        assertEquals(List.of("idle"), idle.bodies().stream().map(b -> b.path("ev").asText()).toList());
        assertTrue(worker.send(JoinProtocol.JSON.createObjectNode().put("op", "shutdown")));
        assertEquals("shutdown", receive(s).path("op").asText());
        send(s, JoinProtocol.exited(0, "bye").toString());
        WorkerSignal.Exited x = assertInstanceOf(WorkerSignal.Exited.class, inbox.poll(10, TimeUnit.SECONDS));
        assertEquals(0, x.exitCode());
        assertEquals("bye", x.output());
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void aDroppedConnectionIsALostHost() throws Exception {
        SSLSocket s = tls(token.fingerprint());
        send(s, JoinProtocol.join(token.token()).toString());
        receive(s);
        s.close();
        WorkerSignal.Exited x = assertInstanceOf(WorkerSignal.Exited.class, inbox.poll(10, TimeUnit.SECONDS));
        assertEquals(ExitStatus.HOST_LOST, x.exitCode());
    }

    @Test
    void aWrongTokenIsRefusedAndNothingMoreIsRead() throws Exception {
        SSLSocket s = tls(token.fingerprint());
        send(s, JoinProtocol.join("f".repeat(64)) + "\n{\"ev\":\"hello\"}");
        assertEquals("refused", receive(s).path("salvo").asText());
        assertEquals(-1, readToEnd(s.getInputStream()));
        awaitLog(": wrong token");
        assertTrue(inbox.isEmpty() && arrived.isEmpty());
    }

    @Test
    void aConnectionThatSaysNothingIsClosedAfterTheDeadline() throws Exception {
        SSLSocket s = tls(token.fingerprint());
        long t0 = System.nanoTime();
        assertEquals(-1, readToEnd(s.getInputStream()));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(seconds >= 4 && seconds < 15, seconds + " s");
        awaitLog(": no token within 5 s");
    }

    @Test
    void closingDeletesTheTokenFile() {
        served.close();
        assertFalse(Files.exists(dir.resolve("join-token")));
    }

    private void awaitLog(String ending) throws InterruptedException {
        for (int i = 0; i < 100 && log.stream().noneMatch(l -> l.endsWith(ending)); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("refused a worker from 127.0.0.1:") && log.get(0).endsWith(ending), log.toString());
    }

    private static int readToEnd(InputStream in) {
        try {
            while (in.read() != -1) {
                // the rest, if any
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
