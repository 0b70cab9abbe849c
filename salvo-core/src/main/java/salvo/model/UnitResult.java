package salvo.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one unit ended, over all its attempts.
 *
 * @param tests    the per-test results of the final attempt (earlier attempts' failures
 *                 are kept on tests marked FLAKY)
 * @param failure  a unit-level failure (collection error, crash, timeout, hang) or null
 * @param attempts how many times the unit ran
 * @param worker   the worker that ran the last attempt
 * @param warnings warnings recorded outside its tests: while it was collected, and (once a run)
 *                 while the framework configured itself; its tests' own are theirs
 */
public record UnitResult(TestUnit unit, Outcome outcome, Duration duration, List<TestResult> tests,
                         Failure failure, int attempts, WorkerRef worker, int warnings) {
    /** A result without warnings of its own. */
    public UnitResult(TestUnit unit, Outcome outcome, Duration duration, List<TestResult> tests, Failure failure,
                      int attempts, WorkerRef worker) {
        this(unit, outcome, duration, tests, failure, attempts, worker, 0);
    }

    public UnitResult {
        if (warnings < 0) {
            throw new IllegalArgumentException("warnings must not be negative");
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        tests = List.copyOf(tests);
        worker = worker == null ? WorkerRef.NONE : worker;
    }

    /** The best one-line reason for a failed unit: its own failure, else its first failing test's. */
    public String reason() {
        if (failure != null && !failure.message().isEmpty()) {
            return failure.message();
        }
        return tests.stream()
                .filter(t -> t.outcome().isFailure() && t.failure() != null)
                .map(t -> t.node().title() + ": " + t.failure().message())
                .findFirst().orElse("");
    }

    /** A unit's outcome from its results: the worst failure, else PASSED when anything ran, else SKIPPED. */
    public static Outcome outcomeOf(List<TestResult> tests) {
        return tests.stream().map(TestResult::outcome).filter(Outcome::isFailure)
                .max(java.util.Comparator.comparingInt(Outcome::severity))
                .orElse(tests.stream().allMatch(t -> t.outcome() == Outcome.SKIPPED) ? Outcome.SKIPPED : Outcome.PASSED);
    }

    public long count(Outcome o) {
        return tests.stream().filter(t -> t.isTest() && t.outcome() == o).count();
    }

    public UnitResult withOutcome(Outcome newOutcome, Failure newFailure) {
        return new UnitResult(unit, newOutcome, duration, tests, newFailure, attempts, worker, warnings);
    }

    /** Every warning of the unit: its own and its tests', as the framework's summary counts them. */
    public int allWarnings() {
        return warnings + tests.stream().mapToInt(TestResult::warnings).sum();
    }
}
