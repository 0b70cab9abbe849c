package salvo.execute;

import java.util.List;
import salvo.event.RunEvents;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/**
 * How a planned run is carried out: a process per unit ({@link Executor}), or persistent
 * workers fed test by test. Publishes unit and test events as they happen and returns the
 * final result of each unit that ran, in plan order.
 */
public interface Execution {
    List<UnitResult> execute(List<TestUnit> plan, RunEvents events, RunControl control);

    /** How many workers it will use for a plan of this size (for the run's announcement). */
    int workers(int units);
}
