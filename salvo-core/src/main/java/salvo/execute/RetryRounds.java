package salvo.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import salvo.event.RunEvents;
import salvo.event.UnitFinished;
import salvo.model.UnitResult;

/**
 * Retry as a policy around any execution (Gradle's test-retry model): after a round, the units
 * that failed are planned again, only their failed tests where the execution can select tests,
 * up to {@code retries} more rounds. A unit's attempts merge into one final result, so a test
 * that fails and then passes comes out FLAKY.
 *
 * <p>Sinks see every attempt's tests. A failed unit's end is held back until it is known
 * whether it runs again: then it is published as a retried attempt, and its merged result as
 * the final one.
 */
public final class RetryRounds extends Policy {
    private final int retries;

    public RetryRounds(Execution inner, int retries) {
        super(inner);
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
        this.retries = retries;
    }

    @Override
    public List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control) {
        Map<String, UnitFinished> heldBack = new ConcurrentHashMap<>();
        RunEvents holding = events.filtered(e -> {
            // A failed unit may run again; a retry's own end is replaced by the merged result.
            if (e instanceof UnitFinished f && !f.willRetry()
                    && (f.result().outcome().isFailure() || f.result().attempts() > 1)) {
                heldBack.put(f.result().unit().id(), f);
                return false;
            }
            return true;
        });
        Map<String, UnitResult> results = new LinkedHashMap<>();
        inner.execute(plan, holding, control).forEach(r -> results.put(r.unit().id(), r));
        // A stopped or drained run (Ctrl-C, -s) plans no more rounds: what failed, failed.
        for (int attempt = 2; attempt <= retries + 1 && !control.isDraining(); attempt++) {
            List<PlannedUnit> again = new ArrayList<>();
            for (UnitResult r : results.values()) {
                UnitFinished attemptEnd = heldBack.get(r.unit().id());
                if (r.outcome().isFailure() && attemptEnd != null) {
                    events.unitFinished(attemptEnd.worker(), attemptEnd.result(), true);
                    again.add(Retries.retryOf(r, inner.selectsTests(), attempt));
                }
            }
            if (again.isEmpty()) {
                break;
            }
            for (UnitResult retry : inner.execute(again, holding, control)) {
                String id = retry.unit().id();
                UnitResult merged = Retries.merge(results.get(id), retry);
                results.put(id, merged);
                if (!merged.outcome().isFailure()) {
                    heldBack.remove(id);
                    events.unitFinished(retry.worker(), merged, false);
                } else {
                    heldBack.put(id, new UnitFinished(events.runId(), retry.worker(), merged, false));
                }
            }
            // A unit the round did not reach (the run stopped meanwhile) stays held back with what it had.
        }
        // Whatever is still held back failed for good.
        heldBack.values().forEach(f -> events.unitFinished(f.worker(), results.get(f.result().unit().id()), false));
        return new ArrayList<>(results.values());
    }
}
