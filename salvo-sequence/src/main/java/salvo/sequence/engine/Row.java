package salvo.sequence.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One finished execution of an item: its place (the item path from main down, loop rounds
 * included), its verdict and message, how long it took, what it printed, and its data.
 *
 * @param stopped true when it ended after a stop reached it (a losing branch of sync: any, Ctrl-C):
 *                a FAIL then says it was cut short, not that what it tested is wrong
 * @param measurements what it compared (a check), for Salvo's store
 */
public record Row(List<Node> path, String type, Verdict verdict, String message, Duration duration, String output,
                  Map<String, Object> data, boolean stopped, List<salvo.model.Measurement> measurements) {
    /** One level of the path: its stable id below main, its display name, and whether it holds others. */
    public record Node(String id, String name, boolean container) {}

    public Row {
        path = List.copyOf(path);
        measurements = List.copyOf(measurements);
        data = data == null ? Map.of() : data;
    }

    public Node node() {
        return path.get(path.size() - 1);
    }
}
