package salvo.execute;

import java.util.List;
import salvo.event.RunEvents;
import salvo.event.TestFinished;
import salvo.event.UnitFinished;
import salvo.model.UnitResult;

/**
 * Stop on the first failure as a policy around any execution: the first failing test or unit
 * drains the run, so no new work is handed out and what runs may finish.
 */
public final class StopOnFailure extends Policy {

    public StopOnFailure(Execution inner) {
        super(inner);
    }

    @Override
    public List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control) {
        return inner.execute(plan, events.tappedBy(e -> {
            boolean failed = e instanceof TestFinished t && t.result().isTest() && t.result().outcome().isFailure()
                    || e instanceof UnitFinished u && u.result().outcome().isFailure();
            if (failed) {
                control.drain();
            }
        }), control);
    }
}
