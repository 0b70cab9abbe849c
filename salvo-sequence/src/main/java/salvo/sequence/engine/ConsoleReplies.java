package salvo.sequence.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import salvo.sequence.python.Json;
import salvo.sequence.rpc.RpcFrames;

/** JSON-RPC replies read from an open console (§3.11), up to each prompt. */
final class ConsoleReplies {
    private ConsoleReplies() {}

    /**
     * Reads the console to each prompt; the last line starting with '{' before it is the reply
     * unless it is a request (an echo), then it reads on. Null at the timeout or a stop.
     */
    static JsonNode next(Connection c, String prompt, double timeout, Stop stop) {
        long deadline = System.nanoTime() + (long) (timeout * 1e9);
        while (!stop.stopped()) {
            String text = c.unread();
            int at = text.indexOf(prompt);
            if (at >= 0) {
                c.consume(at + prompt.length());
                JsonNode frameNode = lastJsonLine(text.substring(0, at));
                if (frameNode != null && !RpcFrames.isRequest(frameNode)) {
                    return frameNode;
                }
                continue;
            }
            if (System.nanoTime() > deadline || c.closed()) {
                return null;
            }
            try {
                c.awaitMore(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static JsonNode lastJsonLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> l.startsWith("{")).toList();
        if (lines.isEmpty()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(lines.get(lines.size() - 1));
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
