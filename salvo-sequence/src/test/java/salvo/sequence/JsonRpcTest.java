package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/**
 * json_rpc (§3.11) against real servers started by the test: a UDP responder that answers to
 * rcv_port, and a TCP line server (a console) that echoes each request before its reply.
 */
class JsonRpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private DatagramSocket udpServer;
    private ServerSocket tcpServer;

    @AfterEach
    void stopServers() throws Exception {
        if (udpServer != null) {
            udpServer.close();
        }
        if (tcpServer != null) {
            tcpServer.close();
        }
    }

    /** The reply a test server gives to one request, by method; null for none. */
    static ObjectNode reply(JsonNode request) {
        boolean v2 = request.has("jsonrpc");
        ObjectNode r = JSON.createObjectNode();
        if (v2) {
            r.put("jsonrpc", "2.0");
        }
        JsonNode id = request.get("id");
        switch (request.path("method").asText()) {
            case "add" -> {
                r.put("result", request.get("params").get(0).asLong() + request.get("params").get(1).asLong());
                if (!v2) {
                    r.putNull("error");
                }
            }
            case "fail" -> {
                r.putObject("error").put("code", -32000).put("message", "not today");
                if (!v2) {
                    r.putNull("result");
                }
            }
            case "both" -> {
                r.put("result", 1);
                r.put("error", "x");
            }
            case "wrong_id" -> {
                r.put("result", 0);
                r.putNull("error");
                r.put("id", id.asLong() + 1000);
                return r;
            }
            case "silent" -> {
                return null;
            }
            default -> r.putObject("error").put("code", -32601).put("message", "no method");
        }
        r.set("id", id);
        return r;
    }

    /** Answers each datagram to 127.0.0.1:rcvPort, after an unsolicited request frame that must be skipped. */
    private int udpResponder(int rcvPort) throws Exception {
        udpServer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            byte[] buf = new byte[2048];
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    udpServer.receive(p);
                    JsonNode request = JSON.readTree(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                    ObjectNode reply = reply(request);
                    if (reply == null) {
                        continue;
                    }
                    InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), rcvPort);
                    byte[] noise = "{\"jsonrpc\": \"2.0\", \"method\": \"event\", \"params\": []}".getBytes(StandardCharsets.UTF_8);
                    udpServer.send(new DatagramPacket(noise, noise.length, to));
                    byte[] out = JSON.writeValueAsBytes(reply);
                    udpServer.send(new DatagramPacket(out, out.length, to));
                }
            } catch (Exception e) {
                // closed at the end of the test
            }
        }, "udp-responder");
        t.setDaemon(true);
        t.start();
        return udpServer.getLocalPort();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Tum.Ran run(String steps) {
        return Tum.run(Tum.write(dir, "t.tum", "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4)));
    }

    @Test
    void udpQueriesReceivesAndTheRulesOfBothVersions() throws Exception {
        int rcv = freeUdpPort();
        int snd = udpResponder(rcv);
        String udp = "{server: 127.0.0.1, snd_port: %d, rcv_port: %d}".formatted(snd, rcv);
        Tum.Ran r = run("""
                - json_rpc:
                    name: v2
                    timeout: 5
                    udp: %1$s
                    steps:
                      - open:
                      - query: {name: add, method: add, params: [2, 3], id: 7}
                      - query: {name: randid, method: add, params: [1, 1]}
                      - query: {name: fail, method: fail, id: 8}
                      - query: {name: both, method: both, id: 9}
                      - query: {name: wrong, method: wrong_id, id: 10, timeout: 0.5}
                      - query: {name: later, method: add, params: [20, 1], id: 11, no_wait: true}
                      - receive: {name: got, id: 11}
                      - query: {name: silent, method: silent, id: 12, timeout: 0.3}
                      - close:
                - json_rpc:
                    name: v1
                    version: "1.0"
                    timeout: 5
                    udp: %1$s
                    steps:
                      - query: {name: add1, method: add, params: [4, 5], id: 1}
                      - query: {name: fail1, method: fail, id: 2}
                      - query: {name: both1, method: both, id: 3}
                - json_rpc: {name: notransport, timeout: 1, steps: [{query: {name: never, method: add}}]}
                """.formatted(udp));
        assertEquals(5L, r.row("add").data().get("reply") instanceof Map<?, ?> m ? m.get("result") : null, r.toString());
        assertEquals(Verdict.PASS, r.row("add").verdict());
        assertEquals(Verdict.PASS, r.row("randid").verdict(), r.toString());
        assertEquals(Verdict.FAIL, r.row("fail").verdict());
        assertEquals("the server answered an error: error -32000: not today", r.row("fail").message());
        assertEquals(Verdict.FAIL, r.row("both").verdict());
        assertTrue(r.row("both").message().startsWith("invalid reply: a JSON-RPC 2.0 reply has exactly one of result and error"),
                r.row("both").message());
        assertEquals("json_rpc wrong_id: no reply with id 10 within 0.5 s over udp 127.0.0.1:" + snd + " (replies on " + rcv
                + ") (replies came for other ids: 1010)", r.row("wrong").message());
        assertEquals(Verdict.PASS, r.row("later").verdict());
        assertEquals(Verdict.PASS, r.row("got").verdict(), r.toString());
        assertEquals(Map.of("jsonrpc", "2.0", "result", 21L, "id", 11L), r.row("got").data().get("reply"));
        assertTrue(r.row("silent").message().startsWith("json_rpc silent: no reply with id 12 within 0.3 s"),
                r.row("silent").message());
        assertEquals(Verdict.FAIL, r.row("v2").verdict());

        assertEquals(Verdict.PASS, r.row("add1").verdict(), r.toString());
        assertEquals(Verdict.FAIL, r.row("fail1").verdict());
        assertEquals(Map.of("code", -32000L, "message", "not today"),
                ((Map<?, ?>) r.row("fail1").data().get("reply")).get("error"));
        assertTrue(r.row("both1").message().contains("got both non-null"), r.row("both1").message());

        assertEquals(Verdict.FAIL, r.row("notransport").verdict());
        assertTrue(r.row("notransport").message().startsWith("json_rpc: give exactly one transport"),
                r.row("notransport").message());
        assertTrue(r.all("never").isEmpty(), "a bad transport fails before the actions");
    }

    @Test
    void aQueryOverAnOpenConsoleSkipsTheEchoAndChecksTheId() throws Exception {
        tcpServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = tcpServer.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(s.getOutputStream(), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line); // the echo of a terminal
                    ObjectNode reply = reply(JSON.readTree(line));
                    if (reply != null) {
                        out.println("log: working");
                        out.println(JSON.writeValueAsString(reply));
                        out.print("> ");
                        out.flush();
                    }
                }
            } catch (Exception e) {
                // the test ended
            }
        }, "tcp-json");
        t.setDaemon(true);
        t.start();
        Tum.Ran r = run("""
                - console:
                    console_name: dut
                    steps: [{open: {protocol: rawtcp, tcp_host: 127.0.0.1, tcp_port: %d}}]
                - json_rpc:
                    name: rpc
                    timeout: 5
                    console: {name: dut, prompt: "> "}
                    steps:
                      - query: {name: add, method: add, params: [40, 2], id: 1, store_result: sum}
                      - query: {name: wrong, method: wrong_id, id: 2}
                      - query: {name: silent, method: silent, id: 3, timeout: 0.3}
                - json_rpc:
                    name: closed
                    timeout: 1
                    console: {name: nothere}
                    steps: [{query: {name: noconsole, method: add, params: [1, 2]}}]
                """.formatted(tcpServer.getLocalPort()));
        assertEquals(Verdict.PASS, r.row("add").verdict(), r.toString());
        assertEquals(42L, r.dictionary().get("sum"));
        assertEquals("json_rpc wrong_id: the reply's id 1002 does not match the query's id 2: "
                + "{\"jsonrpc\":\"2.0\",\"result\":0,\"error\":null,\"id\":1002}", r.row("wrong").message());
        assertTrue(r.row("silent").message().startsWith("json_rpc silent: no reply with id 3 within 0.3 s over console 'dut'"),
                r.row("silent").message());
        assertTrue(r.row("noconsole").message().contains("the console is not open; open it with a console item"),
                r.row("noconsole").message());
        assertTrue(r.log().contains("[> json_rpc] {\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[40,2],\"id\":1}"),
                r.log());
        List.of("add", "wrong", "silent", "noconsole").forEach(n -> assertEquals(1, r.row(n).message().lines().count()));
    }
}
