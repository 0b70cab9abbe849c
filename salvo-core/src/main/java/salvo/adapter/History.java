package salvo.adapter;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What earlier runs say about durations, for scheduling: per unit id and per test id (medians of
 * recent runs). Either may be empty. The tests' durations are a large read (a second at 100 000
 * tests) that only a scheduler of tests needs: they come when they are read, and nothing waits
 * for them.
 */
public record History(Map<String, Duration> units, CompletableFuture<Map<String, Duration>> tests) {
    public static final History NONE = new History(Map.of(), Map.of());

    public History {
        units = Map.copyOf(units);
        Objects.requireNonNull(tests, "tests");
    }

    /** Both already known. */
    public History(Map<String, Duration> units, Map<String, Duration> tests) {
        this(units, CompletableFuture.completedFuture(Map.copyOf(tests)));
    }
}
