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
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * A pull queue feeding worker threads: each worker takes the next unit in plan order, runs it,
 * and comes back for more, so a slow unit never holds others behind it. Never starts more
 * workers than there are units.
 */
public final class Executor implements Execution {
    private final UnitRunner runner;
    private final int workers;
    private final boolean stopOnFailure;

    public Executor(UnitRunner runner, int workers, boolean stopOnFailure) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.runner = runner;
        this.workers = workers;
        this.stopOnFailure = stopOnFailure;
    }

    @Override
    public int workers(int units) {
        return Math.max(1, Math.min(workers, units));
    }

    /** Runs the units in the given order and returns the final result of each unit that ran, in plan order. */
    @Override
    public List<UnitResult> execute(List<TestUnit> plan, RunEvents events, RunControl control) {
        ConcurrentLinkedQueue<TestUnit> queue = new ConcurrentLinkedQueue<>(plan);
        Map<String, UnitResult> results = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= Math.min(workers, plan.size()); i++) {
            WorkerRef name = WorkerRef.local("gw" + i);
            Thread t = new Thread(() -> work(name, queue, results, events, control), "salvo-" + name.label());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            joinUninterruptibly(t);
        }
        List<UnitResult> ordered = new ArrayList<>(results.values());
        Map<String, Integer> position = new ConcurrentHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            position.put(plan.get(i).id(), i);
        }
        ordered.sort(Comparator.comparing(r -> position.get(r.unit().id())));
        return ordered;
    }

    private void work(WorkerRef worker, ConcurrentLinkedQueue<TestUnit> queue, Map<String, UnitResult> results,
                      RunEvents events, RunControl control) {
        WorkerContext context = new WorkerContext(worker, events, control);
        TestUnit unit;
        while (!control.isDraining() && (unit = queue.poll()) != null) {
            events.unitStarted(worker, unit, 1);
            UnitResult result = runSafely(unit, context);
            results.put(unit.id(), result);
            events.unitFinished(worker, result, false);
            if (stopOnFailure && result.outcome().isFailure()) {
                control.drain();
            }
        }
    }

    /** A bug in a runner costs one unit, reported as such, never the run. */
    private UnitResult runSafely(TestUnit unit, WorkerContext context) {
        try {
            return runner.run(unit, 1, context);
        } catch (RuntimeException e) {
            return new UnitResult(unit, Outcome.ERROR, java.time.Duration.ZERO, List.of(),
                    new Failure(FailureKind.OTHER, "salvo could not run this unit: " + e, stackOf(e)), 1,
                    context.worker());
        }
    }

    private static String stackOf(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
