package salvo.adapter;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What earlier runs say about durations, for scheduling: per unit id and per test id (medians of
 * recent runs). Either may be empty. The tests' durations are a large read that only a scheduler
 * of tests needs, once the first file is collected: they are asked for when needed, and a plan of
 * units never waits for them.
 */
public record History(Map<String, Duration> units, Supplier<Map<String, Duration>> tests) {
    public static final History NONE = new History(Map.of(), Map.of());

    public History {
        units = Map.copyOf(units);
        Objects.requireNonNull(tests, "tests");
    }

    /** Both already known. */
    public History(Map<String, Duration> units, Map<String, Duration> tests) {
        this(units, constant(Map.copyOf(tests)));
    }

    private static Supplier<Map<String, Duration>> constant(Map<String, Duration> tests) {
        return () -> tests;
    }
}
