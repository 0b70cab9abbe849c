package salvo.cli.watch;

import java.util.Optional;
import salvo.model.RunRecord;
import salvo.model.RunStatus;

/**
 * The round after a round, as xdist's looponfail decides it: failures run again after each
 * change until they pass, then everything runs at once, to catch what the fix broke elsewhere;
 * a suite that passes runs whole again on the next change. Pure.
 */
public final class NextRound {
    private NextRound() {}

    /**
     * @param ran    what the round ran
     * @param result its stored run; empty when nothing ran (no tests found, the run could not start)
     * @return the next round, or empty when the loop ends (the round was stopped: {@code q}, Ctrl-C)
     */
    public static Optional<RoundPlan> after(RoundPlan ran, Optional<RunRecord> result) {
        if (result.isEmpty()) {
            // Mid-edit breakage (a conftest that does not import, say): the same round once it changes again.
            return Optional.of(new RoundPlan(ran.scope(), true, ran.failuresOf()));
        }
        RunRecord run = result.get();
        if (run.status() == RunStatus.INTERRUPTED) {
            return Optional.empty();
        }
        if (!run.passed()) {
            return Optional.of(RoundPlan.failuresOf(run));
        }
        return Optional.of(RoundPlan.everything(ran.scope() == RoundPlan.Scope.EVERYTHING));
    }
}
