package salvo.coordinator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import salvo.execute.Futures;

/**
 * Expected test durations for scheduling: the test's own history, else the mean of its file's
 * known tests, else the suite's median, else a small default, so new tests are never invisible.
 * The tests' history is read while the run starts; until it is there, a test is estimated as its
 * share of its file's median duration in recent runs (roughly: a file run in part, or once per
 * environment, has a different total), so no collected file waits for the read (1.3 s at
 * 100 000 tests, during which no worker had anything to run). Asked by the coordinator's thread
 * only; what is derived from the history is worked out where the history completes (the thread
 * that read it, or the constructor's when it was read already).
 */
final class Estimates {
    private static final Duration DEFAULT = Duration.ofMillis(100);

    private final CompletableFuture<Known> source;
    private final Map<String, Duration> units;
    private Known known;

    /** The tests' history with what is derived from it, worked out on the thread that read it. */
    private record Known(Map<String, Duration> tests, Map<String, Duration> fileMeans, Duration suiteMedian) {
        static Known of(Map<String, Duration> tests, Function<String, String> unitOf) {
            Map<String, long[]> sums = new HashMap<>(); // file -> {nanoseconds, tests}
            long[] all = new long[tests.size()];
            int i = 0;
            for (Map.Entry<String, Duration> test : tests.entrySet()) {
                long nanos = test.getValue().toNanos();
                all[i++] = nanos;
                long[] sum = sums.computeIfAbsent(unitOf.apply(test.getKey()), file -> new long[2]);
                sum[0] += nanos;
                sum[1]++;
            }
            Map<String, Duration> means = new HashMap<>();
            sums.forEach((file, sum) -> means.put(file, Duration.ofNanos(sum[0] / sum[1])));
            Arrays.sort(all);
            return new Known(tests, means, all.length == 0 ? DEFAULT : Duration.ofNanos(all[all.length / 2]));
        }
    }

    /**
     * @param history the tests' durations, as they will be read
     * @param units   the units' durations, known already
     * @param unitOf  the unit a test id belongs to (its adapter knows)
     */
    Estimates(CompletableFuture<Map<String, Duration>> history, Map<String, Duration> units,
              Function<String, String> unitOf) {
        this.source = history.thenApply(tests -> Known.of(tests, unitOf));
        this.units = units;
    }

    /** @param testsInFile how many tests its file has, for the estimate made before the history is read */
    Duration of(String testId, String file, int testsInFile) {
        if (known == null) {
            if (!source.isDone()) {
                Duration unit = units.get(file);
                return unit != null ? unit.dividedBy(Math.max(1, testsInFile)) : DEFAULT;
            }
            known = Futures.join(source);
        }
        Duration test = known.tests().get(testId);
        if (test != null) {
            return test;
        }
        return known.fileMeans().getOrDefault(file, known.suiteMedian());
    }
}
