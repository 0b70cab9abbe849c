package salvo.schedule;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Expected durations as the scheduler weighs them, in nanoseconds. */
final class Weights {
    /**
     * No test weighs less than this, so tests without any estimate still count and a suite with
     * no history at all is balanced by test count.
     */
    static final long FLOOR = Duration.ofMillis(1).toNanos();

    private final Map<String, Long> files = new HashMap<>();
    private final long typicalFile;

    /** Files without history weigh as the median file with history, or nothing when none has. */
    Weights(Map<String, Duration> fileEstimates) {
        fileEstimates.forEach((file, estimate) -> files.put(file, estimate.toNanos()));
        List<Long> sorted = files.values().stream().sorted().toList();
        typicalFile = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static long of(TestItem test) {
        return Math.max(FLOOR, test.estimate().toNanos());
    }

    long ofFile(String file) {
        return files.getOrDefault(file, typicalFile);
    }
}
