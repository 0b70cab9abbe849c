package salvo.sequence.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.model.Measurement;

/**
 * What an item's body gave: its verdict, its value (null when it has none), the message, the
 * data of its row, and the quantities it compared (a check's), for Salvo's store.
 */
public record Result(Verdict verdict, Object value, String message, Map<String, Object> data,
                     List<Measurement> measurements) {
    public Result(Verdict verdict, Object value, String message, Map<String, Object> data) {
        this(verdict, value, message, data, List.of());
    }

    public Result {
        message = message == null ? "" : message;
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        measurements = List.copyOf(measurements);
    }

    public static Result pass() {
        return new Result(Verdict.PASS, null, "", Map.of());
    }

    public static Result pass(Object value) {
        return new Result(Verdict.PASS, value, "", Map.of());
    }

    public static Result fail(String message) {
        return new Result(Verdict.FAIL, null, message, Map.of());
    }

    public static Result skip(String message) {
        return new Result(Verdict.SKIP, null, message, Map.of());
    }

    /** The message of its row: the verdict when it has none (§6.1). */
    public String shownMessage() {
        return message.isEmpty() ? verdict.name() : message;
    }

    public Result with(Verdict v, String newMessage) {
        return new Result(v, value, newMessage, data, measurements);
    }

    public Result withValue(Object newValue) {
        return new Result(verdict, newValue, message, data, measurements);
    }

    public Result withMeasurements(List<Measurement> measured) {
        return new Result(verdict, value, message, data, measured);
    }
}
