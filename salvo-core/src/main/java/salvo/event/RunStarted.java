package salvo.event;

import java.time.Duration;
import java.util.List;
import salvo.model.RunInfo;
import salvo.model.TestUnit;

/**
 * The plan is made and execution begins.
 *
 * @param estimate expected wall time from history, or null when there is no history
 */
public record RunStarted(RunInfo info, List<TestUnit> units, int workers, Duration estimate) implements RunEvent {
    public RunStarted {
        units = List.copyOf(units);
    }

    @Override
    public String runId() {
        return info.id();
    }
}
