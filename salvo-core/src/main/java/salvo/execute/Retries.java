package salvo.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/** How attempts of one unit combine into its final result. Pure. */
public final class Retries {
    private Retries() {}

    /**
     * The final result after retries: the last attempt, where a unit that failed first and
     * passed last is FLAKY, and so is each test that failed first and passed last; a flaky
     * test keeps the failure that made it flaky.
     */
    public static UnitResult merge(UnitResult firstFailure, UnitResult last) {
        if (last.outcome().isFailure()) {
            return last;
        }
        Map<String, TestResult> failedBefore = firstFailure.tests().stream()
                .filter(t -> t.outcome().isFailure())
                .collect(Collectors.toMap(TestResult::testId, Function.identity(), (a, b) -> a));
        List<TestResult> tests = new ArrayList<>();
        for (TestResult t : last.tests()) {
            TestResult before = failedBefore.get(t.testId());
            tests.add(before != null && t.outcome() == Outcome.PASSED
                    ? t.withFailure(Outcome.FLAKY, before.failure())
                    : t);
        }
        return new UnitResult(last.unit(), Outcome.FLAKY, last.duration(), tests,
                firstFailure.failure() != null ? firstFailure.failure() : null, last.attempts(), last.worker());
    }
}
