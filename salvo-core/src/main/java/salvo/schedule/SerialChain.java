package salvo.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A serial (or isolated_serial) group: one worker runs its members one after another, one run per
 * file they live in. The chain is pinned to the worker that starts it until that worker is lost;
 * then any worker continues it.
 */
final class SerialChain implements Lane {
    private final String group;
    private final TreeSet<Queued> queued = new TreeSet<>(Queued.DISCOVERY_ORDER);
    private String pinnedTo;
    private int inFlight;

    SerialChain(String group, Collection<Queued> members) {
        this.group = group;
        queued.addAll(members);
    }

    String group() {
        return group;
    }

    /** Members are queued and the chain is free or already this worker's. */
    boolean availableTo(String worker) {
        return !queued.isEmpty() && (pinnedTo == null || pinnedTo.equals(worker));
    }

    boolean isPinnedTo(String worker) {
        return worker.equals(pinnedTo);
    }

    /** The summed weight of the members not yet handed out. */
    long weight() {
        return queued.stream().mapToLong(Queued::weight).sum();
    }

    /** Pins the chain to {@code worker} and takes the queued members of the next file. */
    List<Queued> take(String worker) {
        pinnedTo = worker;
        String file = queued.first().file();
        List<Queued> batch = new ArrayList<>();
        while (!queued.isEmpty() && queued.first().file().equals(file)) {
            batch.add(queued.pollFirst());
        }
        inFlight += batch.size();
        return batch;
    }

    /** The worker is gone: the chain continues elsewhere. */
    void release(String worker) {
        if (isPinnedTo(worker)) {
            pinnedTo = null;
        }
    }

    @Override
    public void finished(Queued test) {
        inFlight--;
    }

    @Override
    public void requeue(List<Queued> tests) {
        queued.addAll(tests);
        inFlight -= tests.size();
    }

    @Override
    public boolean drained() {
        return queued.isEmpty() && inFlight == 0;
    }
}
