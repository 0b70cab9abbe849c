package salvo.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A made-up suite for scheduler tests: files in discovery order, tests with true durations, and
 * the estimates the coordinator would pass (exact from history; for a file without history, the
 * median of the known tests).
 */
final class Suite {
    private final Map<String, List<TestItem>> files = new LinkedHashMap<>();
    private final Map<String, Long> millis = new HashMap<>();
    private final Set<String> withoutHistory = new HashSet<>();
    private final Set<String> failing = new HashSet<>();

    Suite file(String file) {
        files.computeIfAbsent(file, f -> new ArrayList<>());
        return this;
    }

    Suite test(String file, String name, long ms) {
        return add(file, name, file, null, ms);
    }

    /** {@code count} tests named t0, t1, ... after the file's existing ones. */
    Suite tests(String file, int count, long ms) {
        int first = files.getOrDefault(file, List.of()).size();
        for (int i = first; i < first + count; i++) {
            test(file, "t" + i, ms);
        }
        return this;
    }

    Suite inClass(String file, String cls, String name, long ms) {
        return add(file, cls + "::" + name, file + "::" + cls, null, ms);
    }

    Suite grouped(String file, String name, long ms, String group, GroupStrategy strategy) {
        return add(file, name, file, new Group(group, strategy), ms);
    }

    /** The file has no history: it is missing from the file estimates and its tests get the median. */
    Suite noHistory(String file) {
        withoutHistory.add(file);
        return this;
    }

    Suite failsToCollect(String file) {
        file(file);
        failing.add(file);
        return this;
    }

    private Suite add(String file, String name, String scope, Group group, long ms) {
        String id = file + "::" + name;
        if (millis.put(id, ms) != null) {
            throw new IllegalArgumentException("duplicate test " + id);
        }
        file(file).files.get(file)
                .add(new TestItem(id, file, scope, Optional.ofNullable(group), Duration.ofMillis(ms)));
        return this;
    }

    List<String> files() {
        return List.copyOf(files.keySet());
    }

    boolean fails(String file) {
        return failing.contains(file);
    }

    Map<String, Duration> fileEstimates() {
        Map<String, Duration> estimates = new HashMap<>();
        files.forEach((file, tests) -> {
            if (!withoutHistory.contains(file) && !failing.contains(file)) {
                estimates.put(file, tests.stream().map(TestItem::estimate).reduce(Duration.ZERO, Duration::plus));
            }
        });
        return estimates;
    }

    /** What a worker reports when it collects {@code file}. */
    List<TestItem> items(String file) {
        if (!withoutHistory.contains(file)) {
            return files.get(file);
        }
        Duration median = Duration.ofMillis(knownMedian());
        return files.get(file).stream()
                .map(t -> new TestItem(t.id(), t.file(), t.scope(), t.group(), median)).toList();
    }

    TestItem item(String id) {
        return files.values().stream().flatMap(List::stream).filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    Set<String> ids() {
        return millis.keySet();
    }

    List<String> ids(String file) {
        return files.get(file).stream().map(TestItem::id).toList();
    }

    long millis(String id) {
        return millis.get(id);
    }

    long totalMillis() {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }

    long longestMillis() {
        return millis.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    Scheduler scheduler(DistMode mode, int workers) {
        return Schedulers.create(mode, files(), fileEstimates(), workers);
    }

    private long knownMedian() {
        List<Long> known = files.entrySet().stream().filter(e -> !withoutHistory.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).map(t -> millis.get(t.id())).sorted().toList();
        return known.isEmpty() ? 0 : known.get(known.size() / 2);
    }
}
