package salvo.coordinator;

import java.time.Instant;
import java.util.Collection;

/**
 * Deadlines and restarts: every job of a worker has a deadline, and a worker past it is killed
 * (its exit, always reported, says the rest); crashed workers are replaced while the restart
 * budget lasts. Timeouts do not spend the budget: a slow test is not a broken worker.
 */
final class Supervisor {
    private final PersistentSettings settings;
    private int restarts;

    Supervisor(PersistentSettings settings) {
        this.settings = settings;
    }

    Instant jobDeadline(Instant now) {
        return now.plus(settings.jobTimeout());
    }

    Instant graceDeadline(Instant now) {
        return now.plus(settings.hangGrace());
    }

    long jobTimeoutSeconds() {
        return settings.jobTimeout().toSeconds();
    }

    void enforce(Collection<WorkerJob> jobs, Instant now) {
        for (WorkerJob job : jobs) {
            if (job.pastDeadline(now)) {
                job.timedOut();
                job.handle.kill();
            }
        }
    }

    /** Takes one restart from the budget; false when it is spent. */
    boolean spendRestart() {
        if (restarts >= settings.maxWorkerRestarts()) {
            return false;
        }
        restarts++;
        return true;
    }

    int maxRestarts() {
        return settings.maxWorkerRestarts();
    }

    /** Whether a worker should retire after this many tests (--max-tests-per-worker). */
    boolean mustRecycle(WorkerJob job) {
        return settings.maxTestsPerWorker() > 0 && job.testsRun() >= settings.maxTestsPerWorker();
    }
}
