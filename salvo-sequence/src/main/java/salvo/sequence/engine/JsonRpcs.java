package salvo.sequence.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.Rules;
import salvo.sequence.load.Step;
import salvo.sequence.python.Json;
import salvo.sequence.rpc.RpcFrames;
import salvo.sequence.rpc.RpcTransport;
import salvo.sequence.rpc.UdpEndpoint;

/**
 * json_rpc and its actions (§3.11): queries over an open console (a JSON line out, read to the
 * prompt, the last line starting with '{' is the reply) or over UDP (a socket on rcv_port, opened
 * by open and shared by later items until close; a query without one opens it for itself).
 */
final class JsonRpcs implements AutoCloseable {
    private final Engine engine;
    private final Consoles consoles;
    private final Map<Integer, UdpEndpoint> sockets = new ConcurrentHashMap<>();

    JsonRpcs(Engine engine, Consoles consoles) {
        this.engine = engine;
        this.consoles = consoles;
    }

    static RpcTransport transport(Frame item) {
        return RpcTransport.of(item.field("console"), item.field("udp"));
    }

    Result run(Step step, Frame frame, boolean stopOnFailure) {
        try {
            transport(frame);
        } catch (IllegalArgumentException e) {
            return Result.fail("json_rpc: " + e.getMessage());
        }
        return engine.children(step.children(), frame, stopOnFailure);
    }

    Result action(Step step, Frame frame) {
        Frame item = frame.parent;
        RpcTransport t;
        try {
            t = transport(item);
        } catch (IllegalArgumentException e) {
            return Result.fail("json_rpc: " + e.getMessage());
        }
        String version = item.step.has("version") ? item.expandText(item.step.field("version")) : "2.0";
        double itemTimeout = Basics.seconds(item.field("timeout"));
        double timeout = frame.step.has("timeout") ? Basics.seconds(frame.field("timeout")) : itemTimeout;
        boolean mute = item.step.has("mute") && Rules.truthy(item.field("mute"));
        String action = step.kind().substring(step.kind().indexOf('.') + 1);
        try {
            return switch (action) {
                case "open" -> t.udp() ? open(t) : Result.pass();
                case "close" -> t.udp() ? close(t) : Result.pass();
                case "query" -> query(t, version, timeout, mute, frame);
                case "receive" -> receive(t, version, frame.field("id"), timeout, mute, frame);
                default -> Result.fail("json_rpc action '" + action + "' is not supported");
            };
        } catch (IOException e) {
            return Result.fail("json_rpc over " + t.label() + ": " + e.getMessage());
        }
    }

    private Result open(RpcTransport t) throws IOException {
        if (sockets.containsKey(t.rcvPort())) {
            return Result.fail("json_rpc: a socket on rcv_port " + t.rcvPort() + " is already open; close it first");
        }
        sockets.put(t.rcvPort(), UdpEndpoint.open(t.server(), t.sndPort(), t.rcvPort(), t.bufsize(), t.multicastIf()));
        return Result.pass();
    }

    private Result close(RpcTransport t) {
        UdpEndpoint s = sockets.remove(t.rcvPort());
        if (s != null) {
            s.close();
        }
        return Result.pass();
    }

    private Result query(RpcTransport t, String version, double timeout, boolean mute, Frame frame) throws IOException {
        String method = frame.expandText(frame.step.field("method"));
        Object params = frame.step.has("params") ? frame.field("params") : List.of();
        Object id = frame.step.has("id") ? frame.field("id") : "rand";
        if ("rand".equals(id)) {
            id = (long) ThreadLocalRandom.current().nextInt(1, 1_000_000);
        }
        ObjectNode request = RpcFrames.request(version, method, params, id);
        boolean noWait = frame.step.has("no_wait") && Rules.flag(frame.field("no_wait"), engine.evaluator(frame.stop));
        UdpEndpoint own = null;
        UdpEndpoint socket = null;
        if (t.udp()) {
            socket = sockets.get(t.rcvPort());
            if (socket == null) {
                own = UdpEndpoint.open(t.server(), t.sndPort(), t.rcvPort(), t.bufsize(), t.multicastIf());
                socket = own;
            }
        }
        try {
            String text = Json.MAPPER.writeValueAsString(request);
            if (!mute) {
                frame.log("[> json_rpc] " + text);
            }
            if (t.udp()) {
                socket.send(request);
            } else {
                Connection c = connection(t);
                c.write(text + "\n");
            }
            if (noWait) {
                return new Result(Verdict.PASS, null, "", Map.of("request", Json.fromJson(request)));
            }
            JsonNode reply = t.udp() ? socket.receive(id, timeout, frame.stop::stopped, frame::warn)
                    : ConsoleReplies.next(connection(t), t.prompt(), timeout, frame.stop);
            return answered(t, version, method, id, timeout, reply, request, socket, mute, frame);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    private Result receive(RpcTransport t, String version, Object id, double timeout, boolean mute, Frame frame)
            throws IOException {
        UdpEndpoint socket = t.udp() ? sockets.get(t.rcvPort()) : null;
        if (t.udp() && socket == null) {
            return Result.fail("json_rpc receive: no socket is open on rcv_port " + t.rcvPort() + "; add an open action first");
        }
        JsonNode reply = t.udp() ? socket.receive(id, timeout, frame.stop::stopped, frame::warn)
                : ConsoleReplies.next(connection(t), t.prompt(), timeout, frame.stop);
        return answered(t, version, "receive", id, timeout, reply, null, socket, mute, frame);
    }

    private Result answered(RpcTransport t, String version, String method, Object id, double timeout, JsonNode reply,
                            JsonNode request, UdpEndpoint socket, boolean mute, Frame frame) {
        if (reply == null) {
            if (frame.stop.stopped()) {
                return Result.fail("json_rpc " + method + " stopped while waiting for the reply with id " + PyRepr.repr(id));
            }
            String others = socket == null || socket.pendingIds().isEmpty() ? ""
                    : " (replies came for other ids: " + String.join(", ", socket.pendingIds()) + ")";
            return Result.fail("json_rpc " + method + ": no reply with id " + PyRepr.repr(id) + " within "
                    + PyRepr.str(timeout) + " s over " + t.label() + others);
        }
        if (!mute) {
            frame.log("[< json_rpc] " + reply);
        }
        if (!RpcFrames.sameId(reply, id)) {
            return Result.fail("json_rpc " + method + ": the reply's id " + reply.path("id") + " does not match the query's id "
                    + Json.toJson(id) + ": " + reply);
        }
        RpcFrames.Outcome o = RpcFrames.check(version, reply);
        Map<String, Object> data = new LinkedHashMap<>();
        if (request != null) {
            data.put("request", Json.fromJson(request));
        }
        data.put("reply", Json.fromJson(reply));
        return new Result(o.ok() ? Verdict.PASS : Verdict.FAIL, o.value(), o.message(), data);
    }

    private Connection connection(RpcTransport t) throws IOException {
        Connection c = consoles.connection(t.console());
        if (c == null) {
            throw new IOException("the console is not open; open it with a console item (console_name: " + t.console()
                    + ") first");
        }
        return c;
    }

    @Override
    public void close() {
        sockets.values().forEach(UdpEndpoint::close);
        sockets.clear();
    }
}
