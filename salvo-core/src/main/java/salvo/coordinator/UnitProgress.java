package salvo.coordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import salvo.execute.PlannedUnit;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * One unit's results while persistent workers run its tests, possibly on several workers: the
 * unit is done once it was collected and every test it holds has a result.
 */
final class UnitProgress {
    final PlannedUnit planned;
    private final List<TestResult> results = new ArrayList<>();
    private int expected = -1;
    private Failure failure;
    private WorkerRef lastWorker = WorkerRef.NONE;
    private boolean started;
    private boolean announced;
    private int warnings;

    UnitProgress(PlannedUnit planned) {
        this.planned = planned;
    }

    /** The number of results to expect; the first report wins (under --dist each every worker reports). */
    void collected(int tests) {
        if (expected < 0) {
            expected = tests;
        }
    }

    void collectFailed(Failure f, WorkerRef worker) {
        failure = f;
        lastWorker = worker;
        expected = Math.max(expected, 0);
    }

    /** A failure found after the unit's tests ran (a session fixture's teardown): the unit fails, first one wins. */
    void failedLater(Failure f) {
        if (failure == null) {
            failure = f;
        }
    }

    /** Warnings recorded outside its tests: while collecting it, or configuring the worker that did. */
    void warned(int count) {
        warnings += count;
    }

    void add(TestResult result, WorkerRef worker) {
        results.add(result);
        lastWorker = worker;
    }

    /** True the first time: the unit's start is announced once, by whichever worker begins it. */
    boolean start() {
        boolean first = !started;
        started = true;
        return first;
    }

    boolean isStarted() {
        return started;
    }

    boolean isDone() {
        return expected >= 0 && results.size() >= expected;
    }

    /** True the first time it is done: its end is announced once. */
    boolean announce() {
        boolean first = isDone() && !announced;
        announced |= first;
        return first;
    }

    boolean isAnnounced() {
        return announced;
    }

    /**
     * The unit's result: its tests', or a collection error, or why it could not finish.
     *
     * @param ifUnfinished SKIPPED when the run was stopped from outside, ERROR when it could not finish the unit
     */
    UnitResult result(Outcome ifUnfinished, String unfinishedReason) {
        Duration spent = results.stream().map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
        int attempt = planned.attempt();
        if (failure != null) {
            Outcome outcome = failure.kind() == FailureKind.TIMEOUT ? Outcome.TIMEOUT : Outcome.ERROR;
            return new UnitResult(planned.unit(), outcome, spent, results, failure, attempt, lastWorker, warnings);
        }
        if (!isDone()) {
            return new UnitResult(planned.unit(), ifUnfinished, spent, results, Failure.of(FailureKind.OTHER,
                    unfinishedReason), attempt, lastWorker, warnings);
        }
        return new UnitResult(planned.unit(), UnitResult.outcomeOf(results), spent, results, null, attempt, lastWorker,
                warnings);
    }
}
