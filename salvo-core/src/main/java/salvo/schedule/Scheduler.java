package salvo.schedule;

import java.util.List;

/**
 * Which test goes to which worker next: pure logic, no I/O, no threads, no clocks. The
 * coordinator feeds it every event from one thread (xdist's scheduler protocol,
 * reshaped for collection that happens lazily, once, on the worker that runs the file),
 * so each strategy is a single-threaded state machine tested without processes.
 *
 * <p>Life of a file: it starts uncollected; some worker gets {@link Work.Collect} for it
 * (exactly one worker, except under --dist each); then {@link #collected} or
 * {@link #collectFailed}; then its tests are handed out in {@link Work.Run} batches and each
 * is reported back with {@link #finished}.
 */
public interface Scheduler {

    void addWorker(String worker);

    /**
     * The worker is gone (crashed, or retired after --max-tests-per-worker). Tests it was given
     * and did not finish go back in the queue; the caller reports the test that was running as
     * crashed and calls {@link #finished} for it before this. Returns the requeued ids.
     */
    List<String> removeWorker(String worker);

    /** A worker collected {@code file}; {@code items} are its selected tests, in file order. */
    void collected(String worker, String file, List<TestItem> items);

    /** A worker could not collect {@code file}: it has no tests to run. */
    void collectFailed(String worker, String file);

    /** A test given to {@code worker} ended (any outcome). */
    void finished(String worker, String testId);

    /** The next thing an idle worker should do. */
    Work next(String worker);

    /** True once every file is collected and every test has finished. */
    boolean isFinished();
}
