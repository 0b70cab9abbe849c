package salvo.execute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/** How attempts of one unit combine into its final result, and what a retry round runs. Pure. */
public final class Retries {
    private Retries() {}

    /**
     * The unit after a retry. Tests the retry ran take its result, where a test that failed before
     * and passed now is FLAKY and keeps the failure that made it so; tests it did not run keep
     * theirs. The unit fails if the retry failed, else it is FLAKY.
     */
    public static UnitResult merge(UnitResult before, UnitResult retry) {
        Map<String, TestResult> retried = new LinkedHashMap<>();
        retry.tests().forEach(t -> retried.put(t.testId(), t));
        List<TestResult> tests = new ArrayList<>();
        for (TestResult t : before.tests()) {
            TestResult again = retried.remove(t.testId());
            if (again == null) {
                tests.add(t);
            } else if (t.outcome().isFailure() && again.outcome() == Outcome.PASSED) {
                tests.add(again.withFailure(Outcome.FLAKY, t.failure()));
            } else {
                tests.add(again);
            }
        }
        boolean partial = before.tests().size() > retry.tests().size();
        tests.addAll(retried.values()); // tests the first attempt never reached
        // A unit's duration feeds scheduling: a whole rerun is what the unit costs, a partial one is not.
        Duration spent = partial ? before.duration() : retry.duration();
        int warnings = partial ? before.warnings() : retry.warnings(); // a whole rerun collected the unit again
        if (retry.outcome().isFailure()) {
            Outcome worst = worstOf(tests, retry.outcome());
            return new UnitResult(retry.unit(), worst, spent, tests, retry.failure(), retry.attempts(), retry.worker(),
                    warnings);
        }
        return new UnitResult(retry.unit(), Outcome.FLAKY, spent, tests, before.failure(), retry.attempts(),
                retry.worker(), warnings);
    }

    private static Outcome worstOf(List<TestResult> tests, Outcome unit) {
        return tests.stream().map(TestResult::outcome).filter(Outcome::isFailure)
                .max(Comparator.comparingInt(Outcome::severity))
                .filter(o -> o.severity() > unit.severity()).orElse(unit);
    }

    /**
     * What to run again for a failed unit: only its failed tests when the execution can select
     * tests and the unit's failure is theirs alone; the whole unit otherwise (it failed to
     * collect, crashed between tests, timed out as a whole).
     */
    public static PlannedUnit retryOf(UnitResult failed, boolean selectsTests, int attempt) {
        Set<String> failedTests = failed.tests().stream().filter(t -> t.outcome().isFailure())
                .map(TestResult::testId).collect(Collectors.toSet());
        boolean testLevel = selectsTests && failed.failure() == null && !failedTests.isEmpty();
        return new PlannedUnit(failed.unit(), testLevel ? failedTests : Set.of(), attempt);
    }
}
