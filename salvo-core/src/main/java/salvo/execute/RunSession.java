package salvo.execute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import salvo.event.RunEvents;
import salvo.event.RunListener;
import salvo.event.RunStarted;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.schedule.LongestFirst;

/**
 * One run from plan to record: orders the units by history, announces the plan, executes it
 * under the run's policies and returns what happened. Storing the record and announcing its end
 * are the caller's, so a run can be recorded even when it was stopped from outside.
 */
public final class RunSession {
    private final Execution execution;

    /** @param execution how the units run, already wrapped in its policies (see {@link #withPolicies}) */
    public RunSession(Execution execution) {
        this.execution = execution;
    }

    /** Retries, then stop-on-failure outside them, so the first failure of any round drains the run. */
    public static Execution withPolicies(Execution execution, int retries, boolean stopOnFailure) {
        Execution e = retries > 0 ? new RetryRounds(execution, retries) : execution;
        return stopOnFailure ? new StopOnFailure(e) : e;
    }

    public RunRecord run(RunInfo info, List<TestUnit> units, Map<String, Duration> history, RunListener events,
                         RunControl control) {
        return run(info, units, history, plan -> plan, events, control);
    }

    /** @param selection what of the ordered plan runs, in which order ({@link Selection}'s --lf and --ff) */
    public RunRecord run(RunInfo info, List<TestUnit> units, Map<String, Duration> history,
                         java.util.function.UnaryOperator<List<PlannedUnit>> selection, RunListener events,
                         RunControl control) {
        List<PlannedUnit> plan = selection.apply(LongestFirst.order(units, history).stream().map(PlannedUnit::whole)
                .toList());
        List<TestUnit> planned = plan.stream().map(PlannedUnit::unit).toList();
        List<salvo.model.WorkerRef> slots = execution.slots(plan.size());
        events.on(new RunStarted(info, planned, slots, LongestFirst.estimate(planned, history, slots.size())));
        List<UnitResult> results = execution.execute(plan, new RunEvents(info.id(), events), control);
        RunStatus status = control.isInterrupted() ? RunStatus.INTERRUPTED
                : control.isDraining() ? RunStatus.STOPPED_ON_FAILURE : RunStatus.COMPLETED;
        return new RunRecord(0, info, Instant.now(), status, results);
    }
}
