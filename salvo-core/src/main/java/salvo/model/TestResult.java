package salvo.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One attempt of one test.
 *
 * @param unitId  the unit it belongs to
 * @param testId  the adapter's id of the test (a pytest node id)
 * @param failure null unless the outcome is a failure, an error, a timeout or a crash
 * @param output  captured stdout/stderr of the test, capped
 * @param attempt 1 for the first run, 2 for the first retry, ...
 */
public record TestResult(String unitId, String testId, Outcome outcome, Duration duration,
                         Failure failure, String output, int attempt) {
    public static final int MAX_OUTPUT = 64 * 1024;

    public TestResult {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        output = Text.capMiddle(output == null ? "" : output, MAX_OUTPUT);
    }

    public TestResult withOutcome(Outcome newOutcome) {
        return new TestResult(unitId, testId, newOutcome, duration, failure, output, attempt);
    }
}
