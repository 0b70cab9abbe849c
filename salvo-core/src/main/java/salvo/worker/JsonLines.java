package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The protocol's framing, one home for every transport: a JSON object a line, UTF-8. */
public final class JsonLines {
    private JsonLines() {}

    public static byte[] line(JsonNode message) {
        return (message.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes one message whole and flushes it; false when the other side is gone. Thread-safe for
     * one {@code out} (replies to shared-state calls are sent from other threads than the coordinator's).
     */
    public static boolean send(OutputStream out, JsonNode message) {
        byte[] line = line(message);
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
