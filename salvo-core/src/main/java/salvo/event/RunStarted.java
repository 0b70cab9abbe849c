package salvo.event;

import java.time.Duration;
import java.util.List;
import salvo.model.RunInfo;
import salvo.model.TestUnit;
import salvo.model.WorkerRef;

/**
 * The plan is made and execution begins.
 *
 * @param slots    the workers it will use, each a row on a dashboard
 * @param estimate expected wall time from history, or null when there is no history
 */
public record RunStarted(RunInfo info, List<TestUnit> units, List<WorkerRef> slots, Duration estimate) implements RunEvent {
    public RunStarted {
        units = List.copyOf(units);
        slots = List.copyOf(slots);
    }

    public int workers() {
        return slots.size();
    }

    @Override
    public String runId() {
        return info.id();
    }
}
