package salvo.coordinator;

import java.time.Duration;
import java.time.Instant;
import salvo.model.WorkerRef;
import salvo.worker.PacedReader;
import salvo.worker.WorkerHandle;

/**
 * What one worker is doing for the coordinator: the job it was handed (start-up, collecting a
 * unit, running tests, shutting down), the test it is in, and until when the job may take.
 * Touched only by the coordinator's thread; every change of state is one named step.
 */
final class WorkerJob {
    /**
     * A run's last tests, whose messages are read as they come ({@link WorkerHandle#answerAwaited}):
     * as many fast tests (half a millisecond each) as end within one pause of a reader that paces
     * a busy stream; else the worker would wait out that pause for its next work.
     */
    static final int ENDING_TESTS = (int) (PacedReader.LONGEST_PAUSE.toNanos() / Duration.ofMillis(1).dividedBy(2).toNanos());

    final WorkerHandle handle;
    private String currentTest;
    private Instant currentSince;
    private String collecting;
    private boolean busy = true;
    private boolean ready;
    private boolean stopping;
    private boolean recycling;
    private boolean timedOut;
    private Instant deadline;
    private String lastUnit;
    private String lingering = "";
    private int testsRun;
    private int unreported;

    WorkerJob(WorkerHandle handle, Instant startupDeadline) {
        this.handle = handle;
        this.deadline = startupDeadline;
    }

    WorkerRef ref() {
        return handle.ref();
    }

    String slot() {
        return handle.ref().slot();
    }

    void idle() {
        busy = false;
        ready = true;
        deadline = null;
    }

    void collect(String unit, Instant until) {
        collecting = unit;
        busy = true;
        deadline = until;
    }

    void run(int tests, Instant until) {
        busy = true;
        unreported = tests;
        deadline = until;
    }

    void testStarted(String test, Instant now, Instant until) {
        currentTest = test;
        currentSince = now;
        deadline = until;
    }

    /** The test ended; the next deadline covers teardown and the next test. */
    void testFinished(String unit, Instant until) {
        currentTest = null;
        testsRun++;
        unreported--;
        lastUnit = unit;
        deadline = until;
    }

    /** The running test is accounted for elsewhere (its child died): forget it. */
    void dropTest() {
        currentTest = null;
        unreported--;
    }

    void collected() {
        collecting = null;
    }

    void stop(boolean recycle, Instant until) {
        stopping = true;
        recycling = recycle;
        busy = true;
        deadline = until;
    }

    /** Its session ended: it should exit within the grace period (or its current deadline, if sooner). */
    void sessionEnded(String lingeringThreads, Instant grace) {
        lingering = lingeringThreads;
        deadline = deadline == null || grace.isBefore(deadline) ? grace : deadline;
    }

    boolean pastDeadline(Instant now) {
        return deadline != null && !timedOut && now.isAfter(deadline);
    }

    void timedOut() {
        timedOut = true;
    }

    boolean isTimedOut() {
        return timedOut;
    }

    boolean isIdle() {
        return !busy && !stopping;
    }

    boolean isReady() {
        return ready;
    }

    boolean isStopping() {
        return stopping;
    }

    boolean isRecycling() {
        return recycling;
    }

    /** Its run is in its last few tests: the end of the job is near. */
    boolean runEnding() {
        return unreported <= ENDING_TESTS;
    }

    String currentTest() {
        return currentTest;
    }

    Duration inCurrentTest(Instant now) {
        return currentSince == null ? Duration.ZERO : Duration.between(currentSince, now);
    }

    String collecting() {
        return collecting;
    }

    String lastUnit() {
        return lastUnit;
    }

    String lingering() {
        return lingering;
    }

    int testsRun() {
        return testsRun;
    }
}
