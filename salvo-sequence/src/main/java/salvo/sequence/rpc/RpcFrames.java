package salvo.sequence.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import salvo.sequence.python.Json;

/**
 * JSON-RPC frames (SEQUENCES.md §3.11), pure: the request of a query, and what a reply says
 * under version 1.0 (result, error and id, not both non-null) or 2.0 (jsonrpc "2.0" and exactly
 * one of result and error; success is the absence of error, §9.8).
 */
public final class RpcFrames {
    /**
     * What a reply means.
     *
     * @param ok      the server answered a result
     * @param value   the result, or the error the server answered (null when the reply is invalid)
     * @param message why it is not ok, on one line; empty when ok
     */
    public record Outcome(boolean ok, Object value, String message) {}

    private RpcFrames() {}

    public static ObjectNode request(String version, String method, Object params, Object id) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        if (version.equals("2.0")) {
            r.put("jsonrpc", "2.0");
        }
        r.put("method", method);
        r.set("params", Json.toJson(params));
        r.set("id", Json.toJson(id));
        return r;
    }

    /** A frame with a method is a request (an echo, or the server's own call), never the reply to a query. */
    public static boolean isRequest(JsonNode frame) {
        return frame.isObject() && frame.has("method");
    }

    /** Whether the reply carries {@code id} (a number and its digits as text are the same id). */
    public static boolean sameId(JsonNode reply, Object id) {
        JsonNode got = reply.get("id");
        return got != null && got.isValueNode() && got.asText().equals(Json.toJson(id).asText());
    }

    public static Outcome check(String version, JsonNode reply) {
        if (!reply.isObject()) {
            return invalid("a reply is a JSON object, got " + reply);
        }
        boolean hasResult = reply.has("result");
        boolean hasError = reply.has("error");
        if (version.equals("2.0")) {
            if (!"2.0".equals(reply.path("jsonrpc").asText(null))) {
                return invalid("a JSON-RPC 2.0 reply needs \"jsonrpc\": \"2.0\", got " + reply);
            }
            if (hasResult == hasError) {
                return invalid("a JSON-RPC 2.0 reply has exactly one of result and error, got " + reply);
            }
            return hasError ? error(reply.get("error")) : new Outcome(true, Json.fromJson(reply.get("result")), "");
        }
        if (!hasResult || !hasError || !reply.has("id")) {
            return invalid("a JSON-RPC 1.0 reply needs result, error and id, got " + reply);
        }
        boolean errorNull = reply.get("error").isNull();
        if (!errorNull && !reply.get("result").isNull()) {
            return invalid("a JSON-RPC 1.0 reply has a null result or a null error, got both non-null: " + reply);
        }
        return errorNull ? new Outcome(true, Json.fromJson(reply.get("result")), "") : error(reply.get("error"));
    }

    private static Outcome error(JsonNode error) {
        String text = error.isObject() && error.has("message")
                ? (error.has("code") ? "error " + error.get("code").asText() + ": " : "") + error.get("message").asText()
                : error.toString();
        return new Outcome(false, Json.fromJson(error), "the server answered an error: " + text);
    }

    private static Outcome invalid(String why) {
        return new Outcome(false, null, "invalid reply: " + why);
    }
}
