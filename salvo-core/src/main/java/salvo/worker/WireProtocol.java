package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;

/** The one decoder and encoder of Salvo's worker protocol (docs/worker-protocol.md). Pure. */
public final class WireProtocol {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WireProtocol() {}

    public static WireMessage decode(JsonNode m) {
        String ev = m.path("ev").asText();
        return switch (ev) {
            case "hello" -> new WireMessage.Hello(m.path("mode").asText("file"));
            case "collected" -> collected(m);
            case "collect_error" -> new WireMessage.CollectError(m.path("nodeid").asText(), m.path("file").asText(""),
                    failure(m));
            case "teardown_error" -> new WireMessage.TeardownError(failure(m));
            case "test_started" -> new WireMessage.TestStarted(m.path("nodeid").asText());
            case "test_finished" -> new WireMessage.TestFinished(m.path("nodeid").asText(), outcome(m),
                    Duration.ofNanos((long) (m.path("duration").asDouble() * 1e9)), m.path("output").asText(""),
                    m.has("kind") ? failure(m) : null, Math.max(0, m.path("warnings").asInt(0)));
            case "idle" -> new WireMessage.Idle();
            case "call" -> new WireMessage.Call(m.path("req").asLong(), m.path("method").asText(), m.path("args"));
            case "session_finished" -> sessionFinished(m);
            case "child_lost" -> new WireMessage.ChildLost(m.path("exit").asInt());
            default -> new WireMessage.Unknown(ev);
        };
    }

    /** Whether the worker asks the coordinator something and waits for the answer. */
    public static boolean isCall(JsonNode m) {
        return "call".equals(m.path("ev").asText());
    }

    private static WireMessage.Collected collected(JsonNode m) {
        List<String> ids = new ArrayList<>();
        m.path("ids").forEach(id -> ids.add(id.asText()));
        List<WireMessage.Item> items = new ArrayList<>();
        m.path("items").forEach(i -> items.add(new WireMessage.Item(i.path("id").asText(),
                i.hasNonNull("group") && !i.path("group").asText().isEmpty() ? i.path("group").asText() : null,
                i.path("strategy").asText(null), i.path("scope").asText(null))));
        List<WireMessage.Skip> skipped = new ArrayList<>();
        m.path("skipped").forEach(s -> skipped.add(new WireMessage.Skip(s.path("nodeid").asText(),
                s.path("message").asText(""))));
        List<String> configWarnings = new ArrayList<>();
        m.path("config_warnings").forEach(w -> configWarnings.add(w.asText()));
        return new WireMessage.Collected(m.path("file").asText(""), ids, m.path("deselected").asInt(), items, skipped,
                Math.max(0, m.path("warnings").asInt(0)), configWarnings);
    }

    private static WireMessage.SessionFinished sessionFinished(JsonNode m) {
        List<WireMessage.Lingering> threads = new ArrayList<>();
        m.path("threads").forEach(t -> threads.add(new WireMessage.Lingering(t.path("name").asText(),
                t.path("target").asText(), t.path("where").asText())));
        return new WireMessage.SessionFinished(m.path("exitstatus").asInt(-1), threads);
    }

    private static Outcome outcome(JsonNode m) {
        try {
            return Outcome.valueOf(m.path("outcome").asText("FAILED"));
        } catch (IllegalArgumentException e) {
            return Outcome.FAILED;
        }
    }

    private static Failure failure(JsonNode m) {
        FailureKind kind;
        try {
            kind = FailureKind.valueOf(m.path("kind").asText("OTHER"));
        } catch (IllegalArgumentException e) {
            kind = FailureKind.OTHER;
        }
        return new Failure(kind, m.path("message").asText(""), m.path("detail").asText(""));
    }

    public static ObjectNode collect(String file) {
        return JSON.objectNode().put("op", "collect").put("file", file);
    }

    public static ObjectNode run(String file, List<String> tests) {
        ObjectNode run = JSON.objectNode().put("op", "run").put("file", file);
        tests.forEach(run.putArray("tests")::add);
        return run;
    }

    public static ObjectNode shutdown() {
        return JSON.objectNode().put("op", "shutdown");
    }

    public static ObjectNode reply(long req, JsonNode value, Throwable error) {
        ObjectNode reply = JSON.objectNode().put("op", "reply").put("req", req).put("ok", error == null);
        if (error == null) {
            reply.set("value", value);
        } else {
            reply.put("error", error.getMessage() == null ? error.toString() : error.getMessage());
        }
        return reply;
    }
}
