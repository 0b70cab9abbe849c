package salvo.sequence.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import salvo.sequence.python.PythonHelper;

/**
 * Workers used for one call each (py_func without context_id, a loop's exit function), with
 * the waits taken off the run's path. Each call still gets a process that nobody used, but the
 * next one starts while the call runs (a spare, dropped when its settings no longer match:
 * python_bin or python_env changed), and a used one ends in the background, since Python's
 * shutdown takes some 10 ms. {@link #close} waits for those and closes the spare.
 */
final class FreshWorkers implements AutoCloseable {
    /** Starts a process without waiting for it to connect. */
    private final Function<PythonHelper.Settings, PythonHelper> launch;
    private final ExecutorService closing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "seq-worker-close");
        t.setDaemon(true);
        return t;
    });
    private PythonHelper spare;

    FreshWorkers(Function<PythonHelper.Settings, PythonHelper> launch) {
        this.launch = launch;
    }

    /** A fresh worker with these settings, connected; the next one starts now, for the next call. */
    PythonHelper take(PythonHelper.Settings settings) {
        return launched(settings).ready(); // outside the lock: parallel branches do not wait for each other's Python
    }

    private synchronized PythonHelper launched(PythonHelper.Settings settings) {
        PythonHelper taken = spare;
        spare = null;
        if (taken != null && !(taken.alive() && taken.settings().equals(settings))) {
            taken.close();
            taken = null;
        }
        if (taken == null) {
            taken = launch.apply(settings);
        }
        try {
            spare = launch.apply(settings);
        } catch (RuntimeException e) {
            // The taken one fails alike, and says why.
        }
        return taken;
    }

    /** Ends a worker after its call, without waiting for it to exit. */
    void retire(PythonHelper worker) {
        try {
            closing.execute(worker::close);
        } catch (RejectedExecutionException closed) {
            worker.close(); // the run is closing: no background left to do it
        }
    }

    @Override
    public void close() {
        closing.shutdown();
        try {
            closing.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (spare != null) {
                spare.close();
                spare = null;
            }
        }
    }
}
