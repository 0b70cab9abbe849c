package salvo.coordinator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import salvo.execute.Futures;

/**
 * Expected test durations for scheduling: the test's own history, else the mean of its file's
 * known tests, else the suite's median, else a small default, so new tests are never invisible.
 * The tests' history is read while the run starts; until it is there, a test is estimated as its
 * share of its file's median duration in recent runs (roughly: a file run in part, or once per
 * environment, has a different total), so no collected file waits for the read (1.3 s at
 * 100 000 tests, during which no worker had anything to run). Touched by the coordinator's
 * thread only.
 */
final class Estimates {
    private static final Duration DEFAULT = Duration.ofMillis(100);

    private final CompletableFuture<Map<String, Duration>> source;
    private final Map<String, Duration> units;
    private final Function<String, String> unitOf;
    private Map<String, Duration> history;
    private Map<String, Duration> fileMeans;
    private Duration suiteMedian;

    /**
     * @param history the tests' durations, as they will be read
     * @param units   the units' durations, known already
     * @param unitOf  the unit a test id belongs to (its adapter knows)
     */
    Estimates(CompletableFuture<Map<String, Duration>> history, Map<String, Duration> units,
              Function<String, String> unitOf) {
        this.source = history;
        this.units = units;
        this.unitOf = unitOf;
    }

    private static Duration mean(List<Map.Entry<String, Duration>> entries) {
        return entries.stream().map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus).dividedBy(entries.size());
    }

    /** @param testsInFile how many tests its file has, for the estimate made before the history is read */
    Duration of(String testId, String file, int testsInFile) {
        if (history == null) {
            if (!source.isDone()) {
                Duration unit = units.get(file);
                return unit != null ? unit.dividedBy(Math.max(1, testsInFile)) : DEFAULT;
            }
            read();
        }
        Duration known = history.get(testId);
        if (known != null) {
            return known;
        }
        return fileMeans.getOrDefault(file, suiteMedian);
    }

    private void read() {
        history = Futures.join(source);
        fileMeans = history.entrySet().stream().collect(Collectors.groupingBy(e -> unitOf.apply(e.getKey()),
                Collectors.collectingAndThen(Collectors.toList(), Estimates::mean)));
        List<Duration> all = history.values().stream().sorted().toList();
        suiteMedian = all.isEmpty() ? DEFAULT : all.get(all.size() / 2);
    }
}
