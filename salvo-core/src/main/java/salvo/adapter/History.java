package salvo.adapter;

import java.time.Duration;
import java.util.Map;

/**
 * What earlier runs say about durations, for scheduling: per unit id and per test id (medians of
 * recent runs). Either map may be empty.
 */
public record History(Map<String, Duration> units, Map<String, Duration> tests) {
    public static final History NONE = new History(Map.of(), Map.of());

    public History {
        units = Map.copyOf(units);
        tests = Map.copyOf(tests);
    }
}
