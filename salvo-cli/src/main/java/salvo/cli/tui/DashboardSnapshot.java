package salvo.cli.tui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.cli.progress.Eta;
import salvo.cli.progress.Progress;
import salvo.model.Outcome;
import salvo.model.RunStatus;

/**
 * An immutable copy of the dashboard's state at one moment, safe to hand to another thread.
 *
 * @param started      when the run started, or null before RunStarted
 * @param estimate     expected wall time from history, or null
 * @param progress     tests and files done and expected
 * @param testCounts   tests (and units that failed outside any test) by their latest outcome
 * @param failures     in the order they first failed
 * @param slowest      slowest first
 * @param finished     when RunFinished arrived, or null while running
 * @param status       the run's final status, or null while running
 * @param stopping     true once the user asked to stop
 */
record DashboardSnapshot(String label, Instant started, Duration estimate, Progress progress,
                         List<WorkerActivity> workers, Map<Outcome, Integer> testCounts,
                         List<FailureEntry> failures, List<SlowTest> slowest, Instant finished,
                         RunStatus status, boolean stopping) {

    DashboardSnapshot {
        workers = List.copyOf(workers);
        testCounts = Map.copyOf(testCounts);
        failures = List.copyOf(failures);
        slowest = List.copyOf(slowest);
    }

    boolean hasStarted() {
        return started != null;
    }

    boolean isFinished() {
        return finished != null;
    }

    Duration elapsed(Instant now) {
        if (started == null) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(started, finished != null ? finished : now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    Optional<Eta> eta(Instant now) {
        return isFinished() ? Optional.empty() : Eta.of(elapsed(now), estimate, progress);
    }

    int count(Outcome outcome) {
        return testCounts.getOrDefault(outcome, 0);
    }

    long failingCount() {
        return failures.stream().filter(FailureEntry::failing).count();
    }
}
