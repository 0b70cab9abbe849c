package salvo.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which files are still to be collected, which are being collected and by whom, and which are
 * settled (collected or failed). Each file is collected once; a file whose collector is lost goes
 * back to the front.
 */
final class FileCollection {
    private final List<String> discovery;
    private final Map<String, Integer> discoveryIndex = new HashMap<>();
    private final Deque<String> pending;
    private final Map<String, String> collectorOf = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    private int settledPrefix;

    /**
     * @param discovery    the files in discovery order (group strategies are resolved by it)
     * @param collectOrder the same files in the order to collect them
     */
    FileCollection(List<String> discovery, List<String> collectOrder) {
        this.discovery = List.copyOf(discovery);
        for (int i = 0; i < discovery.size(); i++) {
            discoveryIndex.put(discovery.get(i), i);
        }
        this.pending = new ArrayDeque<>(collectOrder);
    }

    /** Files without history first, then longest first, as {@link LongestFirst} orders units. */
    static List<String> longestFirst(List<String> files, Map<String, Duration> estimates) {
        return LongestFirst.orderBy(files, f -> f, estimates);
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Hands the next file to {@code worker}, if any is left. */
    Optional<String> start(String worker) {
        String file = pending.poll();
        if (file != null) {
            collectorOf.put(file, worker);
        }
        return Optional.ofNullable(file);
    }

    boolean isCollecting(String worker) {
        return collectorOf.containsValue(worker);
    }

    /** The worker reported the file (collected or failed): it is settled. */
    void settle(String worker, String file) {
        if (!worker.equals(collectorOf.get(file))) {
            throw new IllegalStateException(worker + " reported " + file + ", which it was not asked to collect");
        }
        collectorOf.remove(file);
        settled.add(file);
        while (settledPrefix < discovery.size() && settled.contains(discovery.get(settledPrefix))) {
            settledPrefix++;
        }
    }

    /** The worker is lost: the file it was collecting goes back to the front. */
    void abandon(String worker) {
        collectorOf.entrySet().stream().filter(e -> e.getValue().equals(worker)).map(Map.Entry::getKey)
                .findFirst().ifPresent(file -> {
                    collectorOf.remove(file);
                    pending.addFirst(file);
                });
    }

    /** Every file is settled. */
    boolean complete() {
        return pending.isEmpty() && collectorOf.isEmpty();
    }

    int discoveryIndex(String file) {
        Integer index = discoveryIndex.get(file);
        if (index == null) {
            throw new IllegalArgumentException("unknown file " + file + ": not among the files to run");
        }
        return index;
    }

    /** How many files, from the start of discovery order, are all settled. */
    int settledPrefix() {
        return settledPrefix;
    }

    /** The expected work of files not yet settled. */
    long unsettledWeight(Weights weights) {
        return pending.stream().mapToLong(weights::ofFile).sum()
                + collectorOf.keySet().stream().mapToLong(weights::ofFile).sum();
    }
}
