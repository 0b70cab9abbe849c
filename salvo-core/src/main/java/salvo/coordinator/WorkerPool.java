package salvo.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import salvo.error.SalvoError;
import salvo.model.WorkerRef;
import salvo.serve.ServedWorkers;
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
    private final salvo.worker.SessionWarnings sessionWarnings = new salvo.worker.SessionWarnings();

    /** Workers that joined the run over the network ({@code --serve}): named here, started on their own machines. */
    private final java.util.Set<String> joinedSlots = new java.util.HashSet<>();
    private final List<WorkerHandle> joined = new ArrayList<>();
    private boolean serving;

    /** @param seats may be empty when the run only serves workers that join it */
    private WorkerPool(List<Seat> seats) {
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
                throw SalvoError.usage("could not start workers " + (seat.remote() ? "on " + seat.ref().host()
                        : "with " + seat.spec().command().get(0)) + ": " + e.getMessage() + "; " + hint);
            }
        }
        return pool;
    }

    /**
     * Takes workers that join the run through {@code served} into this pool as they arrive,
     * named {@code <their address>/<slotPrefix>N} after the seats' slots; the coordinator claims
     * them as it claims its own. {@code settings} is what each is told of the run: data only.
     */
    public synchronized void serve(ServedWorkers served, JsonNode settings, String slotPrefix) {
        serving = true;
        served.admit(settings, host -> nameJoined(host, slotPrefix), inbox::add, this::arrived);
    }

    private synchronized WorkerRef nameJoined(String host, String slotPrefix) {
        WorkerRef ref = new WorkerRef(host, slotPrefix + (seats.size() + joinedSlots.size() + 1));
        joinedSlots.add(ref.slot());
        return ref;
    }

    private synchronized void arrived(WorkerHandle worker) {
        joined.add(worker);
        unclaimed.add(worker);
    }

    /** The warnings its workers recorded while configuring themselves, counted once for the run. */
    salvo.worker.SessionWarnings sessionWarnings() {
        return sessionWarnings;
    }

    /** Whether workers may join: with no worker left, a round waits for one instead of giving up. */
    synchronized boolean serves() {
        return serving;
    }

    /**
     * Whether this pool starts the slot's worker, and so can start it again: a seat's yes; a
     * worker that joined started itself on its own machine (which may join again).
     */
    synchronized boolean launches(String slot) {
        return !joinedSlots.contains(slot);
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
    synchronized boolean isRemote(String slot) {
        return joinedSlots.contains(slot) || seat(slot).remote();
    }

    /** The host of this slot went away: none of its seats is used again in this run. */
    synchronized void hostLost(String slot) {
        if (joinedSlots.contains(slot)) {
            return; // its connection, not a host of ours: another worker may join from there
        }
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
        if (joinedSlots.contains(slot)) {
            throw new IOException("worker " + slot + " joined the run; it is started on its own machine");
        }
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
        joined.forEach(WorkerHandle::kill);
    }
}
