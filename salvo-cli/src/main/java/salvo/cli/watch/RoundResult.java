package salvo.cli.watch;

import java.util.Optional;
import salvo.model.RunRecord;

/**
 * How a round ended: its exit status as a plain run's, and the stored run when one ran.
 */
public record RoundResult(int exit, Optional<RunRecord> run) {
    public static RoundResult nothingRan(int exit) {
        return new RoundResult(exit, Optional.empty());
    }
}
