package salvo.cli.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import salvo.execute.PlannedUnit;
import salvo.execute.Selection;

/**
 * One round as the run command carries it out: which of the planned units it runs, what it adds
 * to the run's stored options, and where it tells the loop which roots to watch.
 */
public final class Round {
    /** The key under which a run's config names its round of the loop. */
    public static final String WATCH_ROUND = "watch_round";

    private final int number;
    private final RoundPlan plan;
    private final Consumer<List<Path>> rootsFound;

    Round(int number, RoundPlan plan, Consumer<List<Path>> rootsFound) {
        this.number = number;
        this.plan = plan;
        this.rootsFound = rootsFound;
    }

    /** What of the plan runs; empty for the first round, which runs as the command line asked (--lf, --ff). */
    public Optional<UnaryOperator<List<PlannedUnit>>> selection() {
        if (number == 1) {
            return Optional.empty();
        }
        return Optional.of(units -> plan.failuresOf().map(failed -> Selection.lastFailed(units, Optional.of(failed)))
                .orElse(units));
    }

    /** Kept with the run, so a round can be told from a plain run in the store. */
    public Map<String, String> config() {
        return Map.of(WATCH_ROUND, String.valueOf(number));
    }

    /** @param roots the adapters' roots and the directory Salvo started in, as the round's discovery found them */
    public void rootsFound(List<Path> roots) {
        rootsFound.accept(roots);
    }

    @Override
    public String toString() {
        return "round " + number + " " + plan.scope();
    }
}
