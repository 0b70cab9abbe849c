package salvo.coordinator;

import java.util.List;
import java.util.function.Supplier;
import salvo.adapter.History;
import salvo.event.RunEvents;
import salvo.execute.Execution;
import salvo.execute.PlannedUnit;
import salvo.execute.RunControl;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;
import salvo.schedule.Scheduler;
import salvo.schedule.Schedulers;
import salvo.shared.SharedState;

/**
 * Persistent workers fed test by test, for any adapter whose workers speak Salvo's worker
 * protocol: start-up and imports are paid once per worker, each unit is collected once, lazily,
 * by the worker that first needs it, and the scheduler decides the rest. Each round (the first
 * run, then each retry) is one {@link Coordinator}; the first takes the workers the pool started
 * early.
 */
public final class PersistentExecution implements Execution {
    private final WorkerPool pool;
    private final PersistentSettings settings;
    private final WorkerKind kind;
    private final Supplier<History> history;
    private boolean firstRound = true;

    /** Owns {@code pool} from now on: {@link #close} ends its workers. History is read when the first round begins. */
    public PersistentExecution(WorkerPool pool, PersistentSettings settings, WorkerKind kind, Supplier<History> history) {
        this.pool = pool;
        this.settings = settings;
        this.kind = kind;
        this.history = history;
    }

    @Override
    public List<WorkerRef> slots(int units) {
        return java.util.stream.IntStream.rangeClosed(1, workerCount(units)).mapToObj(pool::ref).toList();
    }

    private int workerCount(int units) {
        return firstRound ? pool.size() : Math.min(pool.seatCount(), settings.workersFor(units));
    }

    @Override
    public boolean selectsTests() {
        return true;
    }

    @Override
    public List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control) {
        int count = workerCount(plan.size());
        firstRound = false;
        History known = history.get();
        Estimates estimates = new Estimates(known.tests(), known.units(), id -> kind.names().node(id).unit());
        // Workers that join may take a unit each, beyond the run's own.
        int capacity = pool.serves() ? Math.max(count, plan.size()) : count;
        Scheduler scheduler = Schedulers.create(settings.dist(), plan.stream().map(PlannedUnit::id).toList(),
                known.units(), Math.max(1, capacity));
        try (SharedState shared = new SharedState()) {
            return new Coordinator(pool, settings, kind, estimates, scheduler, plan, events, control, shared, count).run();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
