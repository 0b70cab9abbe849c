package salvo.sequence.engine;

import java.util.function.Function;
import salvo.sequence.python.PythonHelper;

/**
 * A fresh worker started one call ahead. Each py_func without context_id (and each loop exit
 * function) still gets a process that nobody used, but a call that follows another no longer
 * waits for Python to start: its process started while the previous call ran. A spare whose
 * settings no longer match (python_bin, python_env changed) or that died is dropped; the last
 * one is closed with the run.
 */
final class SpareWorker implements AutoCloseable {
    /** Starts a process without waiting for it to connect. */
    private final Function<PythonHelper.Settings, PythonHelper> launch;
    private PythonHelper spare;

    SpareWorker(Function<PythonHelper.Settings, PythonHelper> launch) {
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

    @Override
    public synchronized void close() {
        if (spare != null) {
            spare.close();
            spare = null;
        }
    }
}
