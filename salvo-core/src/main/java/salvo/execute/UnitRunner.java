package salvo.execute;

import salvo.model.UnitResult;

/** Runs one attempt of one unit in a process of its own, publishing its tests' events as they happen. */
@FunctionalInterface
public interface UnitRunner {
    UnitResult run(PlannedUnit unit, WorkerContext context);
}
