package salvo.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduler of every mode in which workers share the suite (load, loadfile, loadscope,
 * loadgroup); the mode's {@link Distribution} says how tests are cut into runs.
 *
 * <p>A worker that asks gets, in this order: the next part of a serial group it is running; a
 * lost worker's tests; tests of files it has imported (or a serial group, whichever weighs more),
 * unless another file holds a test more than {@link #STEAL_FACTOR} times longer; a file to
 * collect, so collection is lazy and tests start before the suite is collected; tests of a file
 * another worker imported. Groups start once every file is settled; isolated groups run after
 * all other work, one at a time.
 */
final class PoolScheduler implements Scheduler {
    /**
     * A worker leaves the files it imported for another's only for a test this many times longer:
     * for tests of similar length, the import it saves is worth more than the order.
     */
    static final int STEAL_FACTOR = 2;

    private final Distribution distribution;
    private final FileCollection collection;
    private final Weights weights;
    private final Roster roster;
    private final RunningBatches running = new RunningBatches();
    private final ReadyTests ordinary;
    private final GroupBook groups = new GroupBook();
    private final List<SerialChain> serial = new ArrayList<>();
    private final Deque<Lane> isolated = new ArrayDeque<>();
    private final Set<String> knownTests = new HashSet<>();

    PoolScheduler(Distribution distribution, List<String> files, Map<String, Duration> fileEstimates, int workers) {
        this.distribution = distribution;
        this.collection = new FileCollection(files, FileCollection.longestFirst(files, fileEstimates));
        this.weights = new Weights(fileEstimates);
        this.roster = new Roster(Math.min(workers, files.size()));
        this.ordinary = new ReadyTests(distribution);
    }

    @Override
    public void addWorker(String worker) {
        roster.add(worker);
    }

    @Override
    public List<String> removeWorker(String worker) {
        roster.requireLive(worker);
        collection.abandon(worker);
        List<String> requeued = running.abandon(worker);
        serial.forEach(chain -> chain.release(worker));
        isolated.stream().filter(SerialChain.class::isInstance).map(SerialChain.class::cast)
                .forEach(chain -> chain.release(worker));
        roster.remove(worker);
        return requeued;
    }

    @Override
    public void collected(String worker, String file, List<TestItem> items) {
        roster.requireLive(worker);
        int fileIndex = collection.discoveryIndex(file);
        Set<String> ids = new HashSet<>();
        List<Queued> tests = new ArrayList<>();
        for (TestItem item : items) {
            if (!item.file().equals(file)) {
                throw new IllegalArgumentException("test " + item.id() + " lives in " + item.file()
                        + ", not in the collected file " + file);
            }
            if (knownTests.contains(item.id()) || !ids.add(item.id())) {
                throw new IllegalArgumentException("test " + item.id() + " was collected twice");
            }
            tests.add(new Queued(item, fileIndex, tests.size(), Weights.of(item)));
        }
        collection.settle(worker, file);
        knownTests.addAll(ids);
        roster.imported(worker, file);
        for (Queued test : tests) {
            if (test.item().group().isPresent()) {
                groups.hold(test);
            } else {
                ordinary.add(test);
            }
        }
        releaseGroups();
    }

    @Override
    public void collectFailed(String worker, String file) {
        roster.requireLive(worker);
        collection.settle(worker, file);
        releaseGroups();
    }

    @Override
    public void finished(String worker, String testId) {
        roster.requireLive(worker);
        running.finished(worker, testId);
    }

    @Override
    public Work next(String worker) {
        roster.requireLive(worker);
        if (running.isBusy(worker) || collection.isCollecting(worker)) {
            throw new IllegalStateException(worker + " asked for work before reporting what it was given");
        }
        if (!roster.admit(worker)) {
            return stop(worker);
        }
        Work work = ordinaryWorkRemains() ? nextOrdinary(worker) : nextIsolated(worker);
        if (work != null) {
            return work;
        }
        return mayGetMore(worker) ? new Work.Wait() : stop(worker);
    }

    @Override
    public boolean isFinished() {
        return !ordinaryWorkRemains() && isolated.stream().allMatch(Lane::drained) && running.isEmpty();
    }

    private Work nextOrdinary(String worker) {
        for (SerialChain chain : serial) {
            if (chain.isPinnedTo(worker) && chain.availableTo(worker)) {
                return run(worker, chain, chain.take(worker));
            }
        }
        Bucket bucket = pick(ordinary, worker, collection.hasPending());
        Optional<SerialChain> chain = serial.stream().filter(c -> c.availableTo(worker))
                .max(Comparator.comparingLong(SerialChain::weight));
        if (chain.isPresent() && (bucket == null
                || !bucket.requeued() && chain.get().weight() >= distribution.rank(bucket))) {
            return run(worker, chain.get(), chain.get().take(worker));
        }
        if (bucket != null) {
            return runOrdinary(worker, bucket);
        }
        Optional<String> file = collection.start(worker);
        if (file.isPresent()) {
            return new Work.Collect(file.get());
        }
        Bucket stolen = pick(ordinary, worker, false);
        return stolen == null ? null : runOrdinary(worker, stolen);
    }

    private Work nextIsolated(String worker) {
        while (!isolated.isEmpty() && isolated.peek().drained()) {
            isolated.poll();
        }
        Lane current = isolated.peek();
        if (current instanceof SerialChain chain) {
            return chain.availableTo(worker) ? run(worker, chain, chain.take(worker)) : null;
        }
        if (current instanceof ReadyTests pool) {
            Bucket bucket = pick(pool, worker, false);
            return bucket == null ? null : run(worker, pool, pool.take(bucket, share(pool.weight())));
        }
        return null;
    }

    /**
     * The bucket of {@code pool} for {@code worker}: a lost worker's tests first; then its own
     * files' tests unless another file's are much longer; with nothing of its own and a file left
     * to collect, none (it collects rather than import another's file).
     */
    private Bucket pick(ReadyTests pool, String worker, boolean collectPending) {
        Bucket own = pool.best(b -> roster.hasImported(worker, b.file())).orElse(null);
        Bucket foreign = pool.best(b -> !roster.hasImported(worker, b.file()) && mayTake(worker, b)).orElse(null);
        if (foreign != null && foreign.requeued() && (own == null || !own.requeued())) {
            return foreign;
        }
        if (own != null) {
            boolean muchLonger = foreign != null && !own.requeued()
                    && distribution.rank(foreign) > STEAL_FACTOR * distribution.rank(own);
            return muchLonger ? foreign : own;
        }
        return collectPending ? null : foreign;
    }

    private boolean mayTake(String worker, Bucket bucket) {
        return distribution.sharesFiles() || roster.hasImported(worker, bucket.file())
                || !roster.importedByAnyone(bucket.file());
    }

    private Work runOrdinary(String worker, Bucket bucket) {
        long remaining = ordinary.weight() + collection.unsettledWeight(weights);
        return run(worker, ordinary, ordinary.take(bucket, share(remaining)));
    }

    /** A run's share of what remains: half of one worker's part, so the tail stays short. */
    private long share(long remaining) {
        return remaining / (2L * Math.max(1, roster.capacity()));
    }

    private Work run(String worker, Lane lane, List<Queued> batch) {
        running.start(worker, lane, batch);
        String file = batch.get(0).file();
        roster.imported(worker, file);
        return new Work.Run(file, batch.stream().map(Queued::id).toList());
    }

    private Work stop(String worker) {
        roster.stop(worker);
        return new Work.Stop();
    }

    private boolean ordinaryWorkRemains() {
        return !collection.complete() || !ordinary.drained() || serial.stream().anyMatch(c -> !c.drained());
    }

    /** Whether anything could still come to this worker, short of another worker being lost. */
    private boolean mayGetMore(String worker) {
        if (!collection.complete()) {
            return true;
        }
        if (ordinary.any(b -> mayTake(worker, b)) || serial.stream().anyMatch(c -> c.availableTo(worker))) {
            return true;
        }
        Lane current = isolated.stream().filter(lane -> !lane.drained()).findFirst().orElse(null);
        for (Lane group : isolated) {
            if (group.drained()) {
                continue;
            }
            if (group != current) {
                return true;
            }
            if (group instanceof SerialChain chain && chain.availableTo(worker)
                    || group instanceof ReadyTests pool && pool.any(b -> mayTake(worker, b))) {
                return true;
            }
        }
        return false;
    }

    private void releaseGroups() {
        groups.releaseFree(collection.settledPrefix()).forEach(ordinary::add);
        if (collection.complete()) {
            GroupBook.Formed formed = groups.formAll(() -> new ReadyTests(distribution));
            formed.free().forEach(ordinary::add);
            serial.addAll(formed.serial());
            isolated.addAll(formed.isolated());
        }
    }
}
