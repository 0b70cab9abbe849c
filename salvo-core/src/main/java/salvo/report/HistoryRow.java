package salvo.report;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import salvo.model.Outcome;
import salvo.model.RunStatus;
import salvo.model.Totals;
import salvo.store.RunSummary;

/**
 * One run in a history view.
 *
 * @param passed      tests that passed, including flaky ones and unexpected passes
 * @param failed      tests that failed, errored, timed out or crashed
 * @param skipped     tests skipped, including expected failures
 * @param failedUnits units that failed, which includes units that failed with no test to show for it
 * @param passRate    passed / (passed + failed), empty when no test passed or failed
 */
public record HistoryRow(long id, String label, Instant started, Duration wallTime, RunStatus status,
                         int passed, int failed, int skipped, int failedUnits, OptionalDouble passRate) {

    static HistoryRow of(RunSummary run) {
        Totals t = run.totals();
        int passed = t.tests(Outcome.PASSED) + t.tests(Outcome.FLAKY) + t.tests(Outcome.XPASSED);
        int failed = t.failedTests();
        int skipped = t.tests(Outcome.SKIPPED) + t.tests(Outcome.XFAILED);
        OptionalDouble rate = passed + failed == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) passed / (passed + failed));
        return new HistoryRow(run.id(), run.label(), run.started(), run.wallTime(), run.status(), passed, failed,
                skipped, t.failedUnits(), rate);
    }

    /** A run cut short (interrupted, incomplete, still running) says nothing certain about passing; otherwise any failure marks it. */
    public Mark mark() {
        if (status == RunStatus.INTERRUPTED || status == RunStatus.INCOMPLETE || status == RunStatus.RUNNING) {
            return Mark.INTERRUPTED;
        }
        return failed > 0 || failedUnits > 0 ? Mark.FAILED : Mark.PASSED;
    }
}
