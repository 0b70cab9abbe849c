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
    private final Transport transport;
    private final WorkerSpec spec;
    private final String slotPrefix;
    private final BlockingQueue<WorkerSignal> inbox = new LinkedBlockingQueue<>();
    private final List<WorkerHandle> started = new ArrayList<>();
    private final List<WorkerHandle> unclaimed = new ArrayList<>();

    private WorkerPool(Transport transport, WorkerSpec spec, String slotPrefix) {
        this.transport = transport;
        this.spec = spec;
        this.slotPrefix = slotPrefix;
    }

    /**
     * Starts {@code count} workers named {@code <slotPrefix>1..N} now; a worker that starts but
     * dies at once is reported by its exit. A worker that cannot even be launched is the user's
     * to fix: {@code hint} says how ("check --python").
     */
    public static WorkerPool start(Transport transport, WorkerSpec spec, String slotPrefix, int count, String hint) {
        WorkerPool pool = new WorkerPool(transport, spec, slotPrefix);
        for (int i = 1; i <= count; i++) {
            try {
                pool.spawn(slotPrefix + i);
            } catch (IOException e) {
                pool.close();
                throw SalvoError.usage("could not start workers with " + spec.command().get(0) + ": " + e.getMessage()
                        + "; " + hint);
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

    String slotPrefix() {
        return slotPrefix;
    }

    /** Launches one more worker; the caller claims it. */
    synchronized WorkerHandle spawn(String slot) throws IOException {
        WorkerHandle w = transport.launch(spec, WorkerRef.local(slot), inbox::add);
        started.add(w);
        unclaimed.add(w);
        return w;
    }

    @Override
    public synchronized void close() {
        started.forEach(WorkerHandle::kill);
    }
}
