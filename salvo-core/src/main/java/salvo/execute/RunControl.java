package salvo.execute;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one place that knows whether a run should go on, and every process it started, so that
 * a stop (Ctrl-C, `q` in the dashboard, a stop-on-failure) can end them all, whole trees
 * included. Also lets whoever stopped the run wait until its partial results are stored.
 */
public final class RunControl {
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final CountDownLatch recorded = new CountDownLatch(1);
    private volatile boolean interrupted;
    private volatile boolean draining;

    /** Stops the run now: nothing new starts and every running process tree is killed. */
    public void interrupt() {
        interrupted = true;
        draining = true;
        live.forEach(ProcessTree::kill);
    }

    /** Lets running units finish but starts no new one (stop on first failure). */
    public void drain() {
        draining = true;
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    public boolean isDraining() {
        return draining;
    }

    /** Tracks a started process; if the run was interrupted meanwhile, kills it at once. */
    public void register(Process process) {
        live.add(process);
        if (interrupted) {
            ProcessTree.kill(process);
        }
    }

    public void unregister(Process process) {
        live.remove(process);
    }

    public void markRecorded() {
        recorded.countDown();
    }

    /** Waits for the run's results to be stored; false if that did not happen in time. */
    public boolean awaitRecorded(long timeout, TimeUnit unit) throws InterruptedException {
        return recorded.await(timeout, unit);
    }
}
