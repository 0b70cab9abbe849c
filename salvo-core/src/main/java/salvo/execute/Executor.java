package salvo.execute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import salvo.event.RunEvents;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * A process per unit: a pull queue feeding worker slots, each taking the next unit in plan
 * order, running it, and coming back for more, so a slow unit never holds others behind it.
 * Never starts more workers than there are units; starts nothing new once the run drains.
 */
public final class Executor implements Execution {
    private final UnitRunner runner;
    private final int workers;
    private final String slotPrefix;

    /** @param slotPrefix names its worker slots {@code <prefix>1..N}, so two executions in one run never share a name */
    public Executor(UnitRunner runner, int workers, String slotPrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.runner = runner;
        this.workers = workers;
        this.slotPrefix = slotPrefix;
    }

    @Override
    public List<WorkerRef> slots(int units) {
        return java.util.stream.IntStream.rangeClosed(1, Math.max(1, Math.min(workers, units)))
                .mapToObj(i -> WorkerRef.local(slotPrefix + i)).toList();
    }

    /** Runs the units in the given order and returns the final result of each unit that ran, in plan order. */
    @Override
    public List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control) {
        ConcurrentLinkedQueue<PlannedUnit> queue = new ConcurrentLinkedQueue<>(plan);
        Map<String, UnitResult> results = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicReference<RunCannotStart> cannotStart = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= Math.min(workers, plan.size()); i++) {
            WorkerRef name = WorkerRef.local(slotPrefix + i);
            Thread t = new Thread(() -> {
                try {
                    work(name, queue, results, events, control);
                } catch (RunCannotStart e) {
                    cannotStart.compareAndSet(null, e);
                    control.drain(); // the other slots finish what they run and take nothing more
                }
            }, "salvo-" + name.label());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            Threads.joinUninterruptibly(t);
        }
        if (cannotStart.get() != null) {
            throw cannotStart.get();
        }
        List<UnitResult> ordered = new ArrayList<>(results.values());
        Map<String, Integer> position = new ConcurrentHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            position.put(plan.get(i).id(), i);
        }
        ordered.sort(Comparator.comparing(r -> position.get(r.unit().id())));
        return ordered;
    }

    private void work(WorkerRef worker, ConcurrentLinkedQueue<PlannedUnit> queue, Map<String, UnitResult> results,
                      RunEvents events, RunControl control) {
        WorkerContext context = new WorkerContext(worker, events, control);
        PlannedUnit unit;
        while (!control.isDraining() && (unit = queue.poll()) != null) {
            events.unitStarted(worker, unit.unit(), unit.attempt());
            UnitResult result = runSafely(unit, context);
            results.put(unit.id(), result);
            events.unitFinished(worker, result, false);
        }
    }

    /** A bug in a runner costs one unit, reported as such, never the run. */
    private UnitResult runSafely(PlannedUnit unit, WorkerContext context) {
        try {
            return runner.run(unit, context);
        } catch (RunCannotStart e) {
            throw e;
        } catch (RuntimeException e) {
            return new UnitResult(unit.unit(), Outcome.ERROR, java.time.Duration.ZERO, List.of(),
                    new Failure(FailureKind.OTHER, "salvo could not run this unit: " + e, stackOf(e)), unit.attempt(),
                    context.worker());
        }
    }

    private static String stackOf(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
