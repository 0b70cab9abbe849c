package salvo.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import salvo.model.Outcome;
import salvo.model.RunStatus;
import salvo.model.TestMeasurement;
import salvo.model.Totals;

/**
 * One line of history: a run's totals, the outcome of each of its units, and what its tests
 * measured (in run order).
 */
public record RunSummary(long id, String label, Instant started, Duration wallTime, RunStatus status,
                         String gitCommit, Totals totals, Map<String, Outcome> unitOutcomes,
                         List<TestMeasurement> measurements) {
    public RunSummary(long id, String label, Instant started, Duration wallTime, RunStatus status, String gitCommit,
                      Totals totals, Map<String, Outcome> unitOutcomes) {
        this(id, label, started, wallTime, status, gitCommit, totals, unitOutcomes, List.of());
    }

    public RunSummary {
        unitOutcomes = Map.copyOf(unitOutcomes);
        measurements = List.copyOf(measurements);
    }
}
