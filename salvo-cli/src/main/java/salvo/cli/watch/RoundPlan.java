package salvo.cli.watch;

import java.util.Objects;
import java.util.Optional;
import salvo.model.RunRecord;

/**
 * What a round of the loop runs, and whether it first waits for a change.
 *
 * @param failuresOf the earlier round whose failures run again; present exactly when {@code scope} is FAILING
 */
public record RoundPlan(Scope scope, boolean afterChange, Optional<RunRecord> failuresOf) {
    public enum Scope { EVERYTHING, FAILING }

    public RoundPlan {
        Objects.requireNonNull(scope, "scope");
        if ((scope == Scope.FAILING) != failuresOf.isPresent()) {
            throw new IllegalArgumentException("a round re-runs failures exactly when it names the run they come from");
        }
    }

    /** The first round: the run as asked for, at once. */
    static RoundPlan first() {
        return everything(false);
    }

    static RoundPlan everything(boolean afterChange) {
        return new RoundPlan(Scope.EVERYTHING, afterChange, Optional.empty());
    }

    /** Only what failed in {@code run}, once something changed. */
    static RoundPlan failuresOf(RunRecord run) {
        return new RoundPlan(Scope.FAILING, true, Optional.of(run));
    }
}
