package salvo.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few lines around the worker protocol on a joined worker's connection
 * (docs/worker-protocol.md, "Joining a run"): the worker's {@code join} with the token, the
 * run's {@code welcome} (the worker's name and the run's data-only settings) or
 * {@code refused}, and at the end the worker's {@code exited}. Everything between is the worker
 * protocol, unchanged. Each is an object with a {@code "salvo"} key, which no protocol message has.
 */
public final class JoinProtocol {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The longest first line read from a connection not yet known: a join is far shorter. */
    static final int MAX_JOIN_LINE = 1024;
    /** The longest answer read from the other side once it showed who it is (a welcome carries settings). */
    static final int MAX_ANSWER_LINE = 64 * 1024;
    static final String KEY = "salvo";

    private JoinProtocol() {}

    static ObjectNode join(String token) {
        return JSON.createObjectNode().put(KEY, "join").put("version", 1).put("token", token);
    }

    static ObjectNode welcome(String host, String slot, JsonNode settings) {
        ObjectNode n = JSON.createObjectNode().put(KEY, "welcome").put("host", host).put("slot", slot);
        n.set("settings", settings);
        return n;
    }

    /** A listening worker's answer to a run's token: it may now be welcomed. */
    static ObjectNode ready() {
        return JSON.createObjectNode().put(KEY, "ready");
    }

    static ObjectNode refused(String why) {
        return JSON.createObjectNode().put(KEY, "refused").put("why", why);
    }

    static ObjectNode exited(int exitCode, String output) {
        return JSON.createObjectNode().put(KEY, "exited").put("exit", exitCode).put("output", output);
    }

    /** A line as JSON, or null when it is none (or there was no line). */
    static JsonNode parse(String line) {
        if (line == null) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    static boolean is(JsonNode message, String kind) {
        return message != null && message.isObject() && kind.equals(message.path(KEY).asText(null));
    }

    static byte[] line(JsonNode message) {
        return salvo.worker.JsonLines.line(message);
    }

    /**
     * Reads one line of at most {@code max} bytes, without reading past it; null at the end of
     * the stream. A longer line is an error: nothing more of it is read.
     */
    static String readLine(InputStream in, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= max) {
                throw new IOException("a line longer than " + max + " bytes");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
