package salvo.coordinator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Expected test durations for scheduling: the test's own history, else the mean of its file's
 * known tests, else the suite's median, else a small default, so new tests are never invisible.
 * Touched by the coordinator's thread only.
 */
final class Estimates {
    private static final Duration DEFAULT = Duration.ofMillis(100);

    private final Supplier<Map<String, Duration>> source;
    private final Function<String, String> unitOf;
    private Map<String, Duration> history;
    private Map<String, Duration> fileMeans;
    private Duration suiteMedian;

    /**
     * @param history read when the first estimate is asked for (the first file collected)
     * @param unitOf  the unit a test id belongs to (its adapter knows)
     */
    Estimates(Supplier<Map<String, Duration>> history, Function<String, String> unitOf) {
        this.source = history;
        this.unitOf = unitOf;
    }

    private static Duration mean(List<Map.Entry<String, Duration>> entries) {
        return entries.stream().map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus).dividedBy(entries.size());
    }

    Duration of(String testId, String file) {
        if (history == null) {
            read();
        }
        Duration known = history.get(testId);
        if (known != null) {
            return known;
        }
        return fileMeans.getOrDefault(file, suiteMedian);
    }

    private void read() {
        history = source.get();
        fileMeans = history.entrySet().stream().collect(Collectors.groupingBy(e -> unitOf.apply(e.getKey()),
                Collectors.collectingAndThen(Collectors.toList(), Estimates::mean)));
        List<Duration> all = history.values().stream().sorted().toList();
        suiteMedian = all.isEmpty() ? DEFAULT : all.get(all.size() / 2);
    }
}
