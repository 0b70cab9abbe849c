package salvo.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished (or interrupted) run, as the store keeps it.
 *
 * @param id      the store's number for the run; 0 before it is stored
 */
public record RunRecord(long id, RunInfo info, Instant finished, RunStatus status, List<UnitResult> units) {
    public RunRecord {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(status, "status");
        units = List.copyOf(units);
    }

    public RunRecord withId(long newId) {
        return new RunRecord(newId, info, finished, status, units);
    }

    public Totals totals() {
        return Totals.of(units);
    }

    public Duration wallTime() {
        return Duration.between(info.started(), finished);
    }

    public boolean passed() {
        return status == RunStatus.COMPLETED && totals().failedUnits() == 0;
    }
}
