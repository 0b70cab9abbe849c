package salvo.execute;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import salvo.worker.WorkerHandle;

/**
 * The one place that knows whether a run should go on, and every worker it started, so that
 * a stop (Ctrl-C, `q` in the dashboard) can end them all through their transports, whole
 * process trees included. Also lets whoever stopped the run wait until its partial results
 * are stored.
 */
public final class RunControl {
    private final Set<WorkerHandle> live = ConcurrentHashMap.newKeySet();
    private final CountDownLatch recorded = new CountDownLatch(1);
    private volatile boolean interrupted;
    private volatile boolean draining;

    /** Stops the run now: nothing new starts and every running worker is killed. */
    public void interrupt() {
        interrupted = true;
        draining = true;
        live.forEach(WorkerHandle::kill);
    }

    /** Lets running work finish but hands out nothing new (stop on first failure). */
    public void drain() {
        draining = true;
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    public boolean isDraining() {
        return draining;
    }

    /** Tracks a launched worker; if the run was interrupted meanwhile, kills it at once. */
    public void register(WorkerHandle worker) {
        live.add(worker);
        if (interrupted) {
            worker.kill();
        }
    }

    public void unregister(WorkerHandle worker) {
        live.remove(worker);
    }

    public void markRecorded() {
        recorded.countDown();
    }

    /** Waits for the run's results to be stored; false if that did not happen in time. */
    public boolean awaitRecorded(long timeout, TimeUnit unit) throws InterruptedException {
        return recorded.await(timeout, unit);
    }
}
