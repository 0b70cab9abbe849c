package salvo.execute;

import salvo.model.TestUnit;
import salvo.model.UnitResult;

/**
 * Retry as a decorator around any runner: a failed unit runs again, up to {@code retries}
 * more times, and a unit that fails and then passes comes out FLAKY rather than PASSED.
 */
public final class RetryingRunner implements UnitRunner {
    private final UnitRunner inner;
    private final int retries;

    public RetryingRunner(UnitRunner inner, int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
        this.inner = inner;
        this.retries = retries;
    }

    @Override
    public UnitResult run(TestUnit unit, int firstAttempt, WorkerContext context) {
        UnitResult result = inner.run(unit, firstAttempt, context);
        UnitResult firstFailure = null;
        for (int attempt = firstAttempt + 1;
             result.outcome().isFailure() && attempt <= firstAttempt + retries && !context.control().isInterrupted();
             attempt++) {
            firstFailure = firstFailure == null ? result : firstFailure;
            context.events().unitFinished(context.worker(), result, true);
            context.events().unitStarted(context.worker(), unit, attempt);
            result = inner.run(unit, attempt, context);
        }
        return firstFailure == null ? result : Retries.merge(firstFailure, result);
    }
}
