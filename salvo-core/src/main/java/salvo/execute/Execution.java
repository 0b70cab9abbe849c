package salvo.execute;

import java.util.List;
import salvo.event.RunEvents;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * How a planned round of units is carried out: a process per unit ({@link Executor}), persistent
 * workers fed by the coordinator, one foreground process. Publishes unit and test events as they
 * happen and returns the result of each unit that ran, in plan order. Policies (retries, stop on
 * the first failure) wrap any execution.
 */
public interface Execution extends AutoCloseable {
    List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control);

    /** The worker slots it will use for a plan of this size, for the run's announcement (a dashboard row each). */
    List<WorkerRef> slots(int units);

    /** True when it can run only some tests of a unit, so a retry need not rerun whole units. */
    default boolean selectsTests() {
        return false;
    }

    /** Ends whatever it keeps across rounds (workers started early); called once, after the run. */
    @Override
    default void close() {
    }
}
