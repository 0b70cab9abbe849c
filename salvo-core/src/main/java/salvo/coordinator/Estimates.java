package salvo.coordinator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Expected test durations for scheduling: the test's own history, else the mean of its file's
 * known tests, else the suite's median, else a small default, so new tests are never invisible.
 */
final class Estimates {
    private static final Duration DEFAULT = Duration.ofMillis(100);

    private final Map<String, Duration> history;
    private final Map<String, Duration> fileMeans;
    private final Duration suiteMedian;

    /** @param unitOf the unit a test id belongs to (its adapter knows) */
    Estimates(Map<String, Duration> history, Function<String, String> unitOf) {
        this.history = history;
        this.fileMeans = history.entrySet().stream().collect(Collectors.groupingBy(e -> unitOf.apply(e.getKey()),
                Collectors.collectingAndThen(Collectors.toList(), Estimates::mean)));
        List<Duration> all = history.values().stream().sorted().toList();
        this.suiteMedian = all.isEmpty() ? DEFAULT : all.get(all.size() / 2);
    }

    private static Duration mean(List<Map.Entry<String, Duration>> entries) {
        return entries.stream().map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus).dividedBy(entries.size());
    }

    Duration of(String testId, String file) {
        Duration known = history.get(testId);
        if (known != null) {
            return known;
        }
        return fileMeans.getOrDefault(file, suiteMedian);
    }
}
