package salvo.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.model.RunRecord;

/** Every run Salvo kept. Queries never re-run anything. */
public interface Store extends AutoCloseable {

    /**
     * Saves a finished or interrupted run in one transaction and returns it with its id. A run
     * written as it happens goes through a journal instead ({@link SqliteStore#journal()}).
     */
    RunRecord save(RunRecord run);

    Optional<RunRecord> load(long id);

    /**
     * The newest run that ended, if any: what a new run is compared with. RUNNING runs (this
     * Salvo's own, or another's running now) are skipped; INCOMPLETE ones, found abandoned, count.
     */
    Optional<RunRecord> latest();

    /** Up to {@code limit} runs, newest first, RUNNING ones included, without their per-test detail. */
    List<RunSummary> recent(int limit);

    /**
     * The expected duration of each unit, from the most recent runs that ran it
     * (median of at most {@code lastRuns} completed attempts), for longest-first scheduling.
     */
    Map<String, Duration> unitDurations(int lastRuns);

    /**
     * The same per test id (skipped tests excluded), from the last {@code lastRuns} completed
     * runs of its unit, for test-level scheduling of persistent workers.
     */
    Map<String, Duration> testDurations(int lastRuns);

    @Override
    void close();
}
