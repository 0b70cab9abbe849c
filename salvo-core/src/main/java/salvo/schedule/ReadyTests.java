package salvo.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A pool of tests any worker may be handed, bucketed and ranked by a {@link Distribution}: the
 * ordinary tests of a run, or the members of one isolated_free group.
 */
final class ReadyTests implements Lane {
    private final Distribution distribution;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>();
    private long arrivals;
    private long weight;
    private int inFlight;

    ReadyTests(Distribution distribution) {
        this.distribution = distribution;
    }

    void add(Queued test) {
        put(test, false);
    }

    @Override
    public void requeue(List<Queued> tests) {
        tests.forEach(t -> put(t, true));
        inFlight -= tests.size();
    }

    @Override
    public void finished(Queued test) {
        inFlight--;
    }

    @Override
    public boolean drained() {
        return buckets.isEmpty() && inFlight == 0;
    }

    /** The summed weight of the tests not yet handed out. */
    long weight() {
        return weight;
    }

    boolean isEmpty() {
        return buckets.isEmpty();
    }

    boolean any(Predicate<Bucket> eligible) {
        return buckets.values().stream().anyMatch(eligible);
    }

    /** The eligible bucket to hand out first: a lost worker's tests, then by rank, then oldest. */
    Optional<Bucket> best(Predicate<Bucket> eligible) {
        return buckets.values().stream().filter(eligible).max(Comparator
                .comparing(Bucket::requeued)
                .thenComparingLong(distribution::rank)
                .thenComparing(Bucket::arrival, Comparator.reverseOrder()));
    }

    /** Takes one run's worth of {@code bucket}, in discovery order (fixtures are shared best so). */
    List<Queued> take(Bucket bucket, long share) {
        List<Queued> batch = new ArrayList<>(distribution.cut(bucket, share));
        bucket.removeAll(batch);
        if (bucket.isEmpty()) {
            buckets.values().remove(bucket);
        }
        batch.sort(Queued.DISCOVERY_ORDER);
        weight -= batch.stream().mapToLong(Queued::weight).sum();
        inFlight += batch.size();
        return batch;
    }

    private void put(Queued test, boolean fromLostWorker) {
        buckets.computeIfAbsent(distribution.bucketOf(test.item()), key -> new Bucket(test.file(), arrivals++))
                .add(test, fromLostWorker);
        weight += test.weight();
    }
}
