package salvo.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import salvo.model.TestUnit;

/**
 * Orders units for a pull queue: units with no history first (new or renamed files, whose
 * feedback is most wanted and whose length is unknown), then the rest longest first, so the
 * longest unit never starts last and stretches the run. Pure; ties keep discovery order.
 */
public final class LongestFirst {
    private LongestFirst() {}

    public static List<TestUnit> order(List<TestUnit> units, Map<String, Duration> history) {
        return orderBy(units, TestUnit::id, history);
    }

    /** The same order for anything with a unit id. */
    public static <T> List<T> orderBy(List<T> units, java.util.function.Function<T, String> id,
                                      Map<String, Duration> history) {
        List<T> ordered = new ArrayList<>(units);
        ordered.sort(Comparator
                .comparing((T u) -> history.containsKey(id.apply(u)))
                .thenComparing(u -> history.getOrDefault(id.apply(u), Duration.ZERO), Comparator.reverseOrder()));
        return ordered;
    }

    /**
     * The expected wall time of a run on {@code workers} workers, by simulating the pull queue
     * with the historical durations; null when no unit has history.
     */
    public static Duration estimate(List<TestUnit> ordered, Map<String, Duration> history, int workers) {
        List<Duration> known = ordered.stream().map(u -> history.get(u.id())).filter(d -> d != null).toList();
        if (known.isEmpty() || workers < 1) {
            return null;
        }
        Duration typical = known.stream().sorted().toList().get(known.size() / 2);
        long[] busyUntil = new long[Math.min(workers, ordered.size())];
        for (TestUnit u : ordered) {
            int free = 0;
            for (int i = 1; i < busyUntil.length; i++) {
                if (busyUntil[i] < busyUntil[free]) {
                    free = i;
                }
            }
            busyUntil[free] += history.getOrDefault(u.id(), typical).toMillis();
        }
        long makespan = 0;
        for (long b : busyUntil) {
            makespan = Math.max(makespan, b);
        }
        return Duration.ofMillis(makespan);
    }
}
