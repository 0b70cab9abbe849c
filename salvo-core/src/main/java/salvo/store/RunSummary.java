package salvo.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import salvo.model.Outcome;
import salvo.model.RunStatus;
import salvo.model.Totals;

/** One line of history: a run's totals and the outcome of each of its units. */
public record RunSummary(long id, String label, Instant started, Duration wallTime, RunStatus status,
                         String gitCommit, Totals totals, Map<String, Outcome> unitOutcomes) {
    public RunSummary {
        unitOutcomes = Map.copyOf(unitOutcomes);
    }
}
