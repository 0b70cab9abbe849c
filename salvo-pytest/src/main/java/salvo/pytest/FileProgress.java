package salvo.pytest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/**
 * One file's results while persistent workers run its tests, possibly on several workers: the
 * file is done once it was collected and every test it holds has a result.
 */
final class FileProgress {
    final TestUnit unit;
    private final List<TestResult> results = new ArrayList<>();
    private int expected = -1;
    private Failure failure;
    private String lastWorker = "";
    boolean started;
    boolean announcedDone;

    FileProgress(TestUnit unit) {
        this.unit = unit;
    }

    /** The number of results to expect; the first report wins (under --dist each every worker reports). */
    void collected(int tests) {
        if (expected < 0) {
            expected = tests;
        }
    }

    void collectFailed(Failure f, String worker) {
        failure = f;
        lastWorker = worker;
        expected = Math.max(expected, 0);
    }

    /** A failure found after the file's tests ran (a session fixture's teardown): the file fails, first one wins. */
    void failedLater(Failure f) {
        if (failure == null) {
            failure = f;
        }
    }

    void add(TestResult result, String worker) {
        results.add(result);
        lastWorker = worker;
    }

    boolean isDone() {
        return expected >= 0 && results.size() >= expected;
    }

    /** The file's result: its tests', or a collection error, or why it could not finish. */
    /** @param ifUnfinished SKIPPED when the run was stopped from outside, ERROR when it could not finish the file */
    UnitResult result(Outcome ifUnfinished, String unfinishedReason) {
        Duration spent = results.stream().map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
        if (failure != null) {
            Outcome outcome = failure.kind() == FailureKind.TIMEOUT ? Outcome.TIMEOUT : Outcome.ERROR;
            return new UnitResult(unit, outcome, spent, results, failure, 1, lastWorker);
        }
        if (!isDone()) {
            return new UnitResult(unit, ifUnfinished, spent, results, Failure.of(FailureKind.OTHER, unfinishedReason), 1,
                    lastWorker);
        }
        return new UnitResult(unit, Verdict.fromTests(results), spent, results, null, 1, lastWorker);
    }
}
