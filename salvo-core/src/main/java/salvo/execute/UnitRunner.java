package salvo.execute;

import salvo.model.TestUnit;
import salvo.model.UnitResult;

/** Runs one attempt of one unit, publishing its tests' events as they happen. */
@FunctionalInterface
public interface UnitRunner {
    UnitResult run(TestUnit unit, int attempt, WorkerContext context);
}
