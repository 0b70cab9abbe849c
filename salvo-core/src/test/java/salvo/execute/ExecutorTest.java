package salvo.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import salvo.model.WorkerRef;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import salvo.event.UnitStarted;
import salvo.model.Outcome;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/** The pull queue's own rules, on in-memory runners: real processes are covered by the adapters' tests. */
class ExecutorTest {
    private static salvo.event.RunEvents events(salvo.event.RunListener l) {
        return new salvo.event.RunEvents("run-1", l);
    }

    private static List<TestUnit> units(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TestUnit("u" + i, Path.of("u" + i), "test")).toList();
    }

    private static List<PlannedUnit> plan(int n) {
        return units(n).stream().map(PlannedUnit::whole).toList();
    }

    private static UnitResult result(TestUnit u, Outcome o, WorkerRef worker) {
        return new UnitResult(u, o, Duration.ZERO, List.of(), null, 1, worker);
    }

    @Test
    void everyUnitRunsOnceAndResultsComeBackInPlanOrder() {
        Set<String> workers = ConcurrentHashMap.newKeySet();
        UnitRunner runner = (u, ctx) -> {
            workers.add(ctx.worker().label());
            return result(u.unit(), Outcome.PASSED, ctx.worker());
        };
        List<UnitResult> results = new Executor(runner, 3, "gw").execute(plan(20), events(e -> { }), new RunControl());
        assertEquals(units(20).stream().map(TestUnit::id).toList(), results.stream().map(r -> r.unit().id()).toList());
        assertTrue(workers.stream().allMatch(w -> w.matches("gw[123]")), workers.toString());
    }

    @Test
    void neverStartsMoreWorkersThanUnits() {
        Set<String> workers = ConcurrentHashMap.newKeySet();
        List<salvo.event.RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        new Executor((u, ctx) -> result(u.unit(), Outcome.PASSED, ctx.worker()), 8, "gw").execute(plan(2), events(events::add), new RunControl());
        events.stream().filter(e -> e instanceof UnitStarted).forEach(e -> workers.add(((UnitStarted) e).worker().label()));
        assertTrue(workers.size() <= 2, workers.toString());
    }

    @Test
    void aDrainedRunStartsNothingNew() {
        RunControl control = new RunControl();
        UnitRunner runner = (u, ctx) -> {
            if (u.id().equals("u2")) {
                control.drain();
            }
            return result(u.unit(), Outcome.PASSED, ctx.worker());
        };
        List<UnitResult> results = new Executor(runner, 1, "gw").execute(plan(10), events(e -> { }), control);
        assertEquals(3, results.size());
    }

    @Test
    void aRunnerBugCostsOneUnitNotTheRun() {
        UnitRunner runner = (u, ctx) -> {
            if (u.id().equals("u1")) {
                throw new IllegalStateException("adapter bug");
            }
            return result(u.unit(), Outcome.PASSED, ctx.worker());
        };
        List<UnitResult> results = new Executor(runner, 2, "gw").execute(plan(4), events(e -> { }), new RunControl());
        assertEquals(4, results.size());
        UnitResult broken = results.get(1);
        assertEquals(Outcome.ERROR, broken.outcome());
        assertTrue(broken.failure().message().contains("adapter bug"));
    }
}
