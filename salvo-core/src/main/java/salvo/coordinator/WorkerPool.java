package salvo.coordinator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import salvo.error.SalvoError;
import salvo.model.WorkerRef;
import salvo.worker.Transport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * Launches persistent workers and owns them until they exit. Started as soon as the units are
 * known, so a worker's own start-up (often the longest part of a short run: plugins import
 * themselves) overlaps with the rest of Salvo's preparation. Everything the workers say arrives,
 * in order, on one inbox. Closing kills whatever is still running.
 */
public final class WorkerPool implements AutoCloseable {
    private final List<Seat> seats;
    private final java.util.Set<String> lostHosts = new java.util.HashSet<>();
    private final BlockingQueue<WorkerSignal> inbox = new LinkedBlockingQueue<>();
    private final List<WorkerHandle> started = new ArrayList<>();
    private final List<WorkerHandle> unclaimed = new ArrayList<>();

    private WorkerPool(List<Seat> seats) {
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("a pool needs a seat");
        }
        this.seats = List.copyOf(seats);
    }

    /**
     * Starts {@code count} local workers named {@code <slotPrefix>1..N} now; a worker that starts
     * but dies at once is reported by its exit. A worker that cannot even be launched is the
     * user's to fix: {@code hint} says how ("check --python").
     */
    public static WorkerPool start(Transport transport, WorkerSpec spec, String slotPrefix, int count, String hint) {
        List<Seat> seats = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            seats.add(new Seat(WorkerRef.local(slotPrefix + i), transport, spec, false, ""));
        }
        return start(seats, count, hint);
    }

    /** Starts workers in the first {@code count} of {@code seats} now; the others are there for later rounds. */
    public static WorkerPool start(List<Seat> seats, int count, String hint) {
        WorkerPool pool = new WorkerPool(seats);
        for (Seat seat : seats.subList(0, Math.min(count, seats.size()))) {
            try {
                pool.spawn(seat.ref().slot());
            } catch (IOException e) {
                pool.close();
                throw SalvoError.usage("could not start workers with " + seat.spec().command().get(0)
                        + (seat.remote() ? " on " + seat.ref().host() : "") + ": " + e.getMessage() + "; " + hint);
            }
        }
        return pool;
    }

    /** The workers launched and not yet taken by a coordinator; taking them empties the list. */
    synchronized List<WorkerHandle> claim() {
        List<WorkerHandle> claimed = List.copyOf(unclaimed);
        unclaimed.clear();
        return claimed;
    }

    /** How many workers it launched ahead of the first round. */
    public synchronized int size() {
        return started.size();
    }

    BlockingQueue<WorkerSignal> inbox() {
        return inbox;
    }

    /** The worker of the {@code n}th seat (from 1), as every display and the store name it. */
    WorkerRef ref(int n) {
        return seats.get(Math.min(n, seats.size()) - 1).ref();
    }

    /** How many seats there are: no round has more workers. */
    int seatCount() {
        return seats.size();
    }

    /** The environment this slot's worker runs in ("" without --tx). */
    String environment(String slot) {
        return seat(slot).environment();
    }

    /** How many different environments the seats are in. */
    long environmentCount() {
        return seats.stream().map(Seat::environment).distinct().count();
    }

    /** Whether a lost connection of this worker means its host is gone. */
    boolean isRemote(String slot) {
        return seat(slot).remote();
    }

    /** The host of this slot went away: none of its seats is used again in this run. */
    synchronized void hostLost(String slot) {
        lostHosts.add(seat(slot).ref().host());
    }

    /** The first seat on a host that was not lost, if any is left. */
    synchronized java.util.Optional<String> liveSlot() {
        return seats.stream().filter(s -> !s.remote() || !lostHosts.contains(s.ref().host()))
                .map(s -> s.ref().slot()).findFirst();
    }

    private Seat seat(String slot) {
        return seats.stream().filter(s -> s.ref().slot().equals(slot)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seat " + slot));
    }

    /** Launches one more worker in this slot's seat; the caller claims it. */
    synchronized WorkerHandle spawn(String slot) throws IOException {
        Seat seat = seat(slot);
        if (seat.remote() && lostHosts.contains(seat.ref().host())) {
            throw new IOException("its host " + seat.ref().host() + " was lost");
        }
        WorkerHandle w = seat.transport().launch(seat.spec(), seat.ref(), inbox::add);
        started.add(w);
        unclaimed.add(w);
        return w;
    }

    @Override
    public synchronized void close() {
        started.forEach(WorkerHandle::kill);
    }
}
