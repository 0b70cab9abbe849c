package salvo.pytest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;

/** Reading and writing the messages of docs/worker-protocol.md. Pure. */
final class Protocol {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Protocol() {}

    /** A test_finished message as a result of the file its node id names. */
    static TestResult testResult(int attempt, JsonNode m) {
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(m.path("outcome").asText("FAILED"));
        } catch (IllegalArgumentException e) {
            outcome = Outcome.FAILED;
        }
        Failure failure = m.has("kind") ? failure(m) : null;
        long nanos = (long) (m.path("duration").asDouble() * 1e9);
        String nodeId = m.path("nodeid").asText();
        return new TestResult(fileOf(nodeId), nodeId, outcome, Duration.ofNanos(nanos), failure,
                m.path("output").asText(""), attempt);
    }

    static Failure failure(JsonNode m) {
        FailureKind kind;
        try {
            kind = FailureKind.valueOf(m.path("kind").asText("OTHER"));
        } catch (IllegalArgumentException e) {
            kind = FailureKind.OTHER;
        }
        return new Failure(kind, m.path("message").asText(""), m.path("detail").asText(""));
    }

    /** The file a pytest node id belongs to: the part before the first "::". */
    static String fileOf(String nodeId) {
        int sep = nodeId.indexOf("::");
        return sep < 0 ? nodeId : nodeId.substring(0, sep);
    }

    /** The test's name within its file: the part after the first "::". */
    static String testName(String nodeId) {
        int sep = nodeId.indexOf("::");
        return sep < 0 ? nodeId : nodeId.substring(sep + 2);
    }

    /**
     * The only result a test gets when its process ended while it ran: CRASHED, or TIMEOUT when
     * it was ended for its time limit. The failure says how, in the caller's words.
     */
    static TestResult lostTest(String nodeId, Failure failure, Duration ran, int attempt) {
        Outcome outcome = failure.kind() == FailureKind.TIMEOUT ? Outcome.TIMEOUT : Outcome.CRASHED;
        return new TestResult(fileOf(nodeId), nodeId, outcome, ran, failure, "", attempt);
    }

    static ObjectNode collect(String file) {
        return JSON.objectNode().put("op", "collect").put("file", file);
    }

    static ObjectNode run(String file, List<String> tests) {
        ObjectNode run = JSON.objectNode().put("op", "run").put("file", file);
        tests.forEach(run.putArray("tests")::add);
        return run;
    }

    static ObjectNode shutdown() {
        return JSON.objectNode().put("op", "shutdown");
    }

    static ObjectNode reply(long req, JsonNode value, Throwable error) {
        ObjectNode reply = JSON.objectNode().put("op", "reply").put("req", req).put("ok", error == null);
        if (error == null) {
            reply.set("value", value);
        } else {
            reply.put("error", error.getMessage() == null ? error.toString() : error.getMessage());
        }
        return reply;
    }
}
