package salvo.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import salvo.model.WorkerRef;
import salvo.model.NodeId;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

class RetriesTest {
    private static final TestUnit UNIT = new TestUnit("t.py", Path.of("t.py"), "pytest");

    private static TestResult test(String name, Outcome o, int attempt) {
        Failure f = o.isFailure() ? Failure.of(FailureKind.ASSERTION, name + " broke") : null;
        return new TestResult(NodeId.flat("t.py", "t.py::" + name), o, Duration.ofMillis(5), f, "", attempt);
    }

    private static UnitResult unit(Outcome o, int attempt, TestResult... tests) {
        return new UnitResult(UNIT, o, Duration.ofSeconds(1), List.of(tests), null, attempt, WorkerRef.local("gw1"));
    }

    @Test
    void failThenPassIsFlakyAndKeepsTheFirstFailure() {
        UnitResult first = unit(Outcome.FAILED, 1, test("a", Outcome.PASSED, 1), test("b", Outcome.FAILED, 1));
        UnitResult second = unit(Outcome.PASSED, 2, test("a", Outcome.PASSED, 2), test("b", Outcome.PASSED, 2));
        UnitResult merged = Retries.merge(first, second);
        assertEquals(Outcome.FLAKY, merged.outcome());
        assertEquals(2, merged.attempts());
        assertEquals(Outcome.PASSED, merged.tests().get(0).outcome());
        assertEquals(Outcome.FLAKY, merged.tests().get(1).outcome());
        assertEquals("b broke", merged.tests().get(1).failure().message());
    }

    @Test
    void failingToTheEndStaysFailed() {
        UnitResult first = unit(Outcome.FAILED, 1, test("b", Outcome.FAILED, 1));
        UnitResult last = unit(Outcome.FAILED, 3, test("b", Outcome.FAILED, 3));
        assertEquals(last, Retries.merge(first, last));
    }

    @Test
    void aTestLevelRetryKeepsTheTestsItDidNotRun() {
        UnitResult first = unit(Outcome.FAILED, 1, test("a", Outcome.PASSED, 1), test("b", Outcome.FAILED, 1));
        UnitResult onlyB = unit(Outcome.PASSED, 2, test("b", Outcome.PASSED, 2));
        UnitResult merged = Retries.merge(first, onlyB);
        assertEquals(Outcome.FLAKY, merged.outcome());
        assertEquals(List.of(Outcome.PASSED, Outcome.FLAKY), merged.tests().stream().map(TestResult::outcome).toList());
        assertEquals(List.of(1, 2), merged.tests().stream().map(TestResult::attempt).toList());
    }

    @Test
    void aRetryRunsOnlyFailedTestsWhenItCanAndTheWholeUnitWhenTheUnitItselfFailed() {
        UnitResult testsFailed = unit(Outcome.FAILED, 1, test("a", Outcome.PASSED, 1), test("b", Outcome.FAILED, 1));
        assertEquals(java.util.Set.of("t.py::b"), Retries.retryOf(testsFailed, true, 2).onlyTests());
        assertTrue(Retries.retryOf(testsFailed, false, 2).isWhole(), "a process per file reruns the file");
        UnitResult crashed = new UnitResult(UNIT, Outcome.CRASHED, Duration.ZERO, List.of(test("a", Outcome.PASSED, 1)),
                Failure.of(FailureKind.CRASH, "process died between tests"), 1, WorkerRef.local("gw1"));
        assertTrue(Retries.retryOf(crashed, true, 2).isWhole());
        assertEquals(2, Retries.retryOf(crashed, true, 2).attempt());
    }

    @Test
    void retryRoundsRunUntilPassAndAnnounceEachRetry() {
        int[] calls = {0};
        UnitRunner flaky = (u, ctx) -> {
            calls[0]++;
            return u.attempt() < 3 ? unit(Outcome.FAILED, u.attempt(), test("x", Outcome.FAILED, u.attempt()))
                    : unit(Outcome.PASSED, u.attempt(), test("x", Outcome.PASSED, u.attempt()));
        };
        List<salvo.event.RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<UnitResult> r = new RetryRounds(new Executor(flaky, 1, "gw"), 5)
                .execute(List.of(PlannedUnit.whole(UNIT)), new salvo.event.RunEvents("r", events::add), new RunControl());
        assertEquals(3, calls[0]);
        assertEquals(Outcome.FLAKY, r.get(0).outcome());
        assertEquals(2, events.stream().filter(e -> e instanceof salvo.event.UnitFinished f && f.willRetry()).count());
        List<salvo.event.UnitFinished> finals = events.stream().filter(e -> e instanceof salvo.event.UnitFinished f
                && !f.willRetry()).map(e -> (salvo.event.UnitFinished) e).toList();
        assertEquals(1, finals.size(), "one final result per unit");
        assertEquals(Outcome.FLAKY, finals.get(0).result().outcome());
    }

    @Test
    void retriesStopAtTheLimitAndWhenInterrupted() {
        int[] calls = {0};
        UnitRunner broken = (u, ctx) -> {
            calls[0]++;
            return unit(Outcome.FAILED, u.attempt(), test("x", Outcome.FAILED, u.attempt()));
        };
        List<PlannedUnit> plan = List.of(PlannedUnit.whole(UNIT));
        List<UnitResult> r = new RetryRounds(new Executor(broken, 1, "gw"), 2).execute(plan,
                new salvo.event.RunEvents("r", e -> { }), new RunControl());
        assertEquals(3, calls[0]);
        assertEquals(Outcome.FAILED, r.get(0).outcome());
        RunControl stopped = new RunControl();
        calls[0] = 0;
        UnitRunner stopsTheRun = (u, ctx) -> {
            stopped.interrupt();
            return broken.run(u, ctx);
        };
        new RetryRounds(new Executor(stopsTheRun, 1, "gw"), 2).execute(plan, new salvo.event.RunEvents("r", e -> { }), stopped);
        assertEquals(1, calls[0]);
    }

    @Test
    void stopOnFailureDrainsAtTheFirstFailingTest() {
        RunControl control = new RunControl();
        UnitRunner runner = (u, ctx) -> {
            TestResult t = test("x", u.id().equals("u2") ? Outcome.FAILED : Outcome.PASSED, 1);
            ctx.events().testFinished(ctx.worker(), t);
            return new UnitResult(u.unit(), t.outcome(), Duration.ZERO, List.of(t), null, 1, ctx.worker());
        };
        List<PlannedUnit> plan = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> PlannedUnit.whole(new TestUnit("u" + i, Path.of("u" + i), "test"))).toList();
        List<UnitResult> results = new StopOnFailure(new Executor(runner, 1, "gw"))
                .execute(plan, new salvo.event.RunEvents("r", e -> { }), control);
        assertEquals(3, results.size());
        assertTrue(control.isDraining());
    }

    @Test
    void stopOnFailureWithRetriesRetriesNothingAndStillEndsEveryUnitOnce() {
        RunControl control = new RunControl();
        UnitRunner broken = (u, ctx) -> {
            TestResult t = test("x", Outcome.FAILED, u.attempt());
            ctx.events().testFinished(ctx.worker(), t);
            return unit(Outcome.FAILED, u.attempt(), t);
        };
        List<salvo.event.RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<UnitResult> results = RunSession.withPolicies(new Executor(broken, 1, "gw"), 2, true)
                .execute(List.of(PlannedUnit.whole(UNIT)), new salvo.event.RunEvents("r", events::add), control);
        assertEquals(1, results.size());
        assertEquals(Outcome.FAILED, results.get(0).outcome());
        assertEquals(1, results.get(0).attempts(), "a drained run plans no retry round");
        assertEquals(List.of(false), events.stream().filter(e -> e instanceof salvo.event.UnitFinished)
                .map(e -> ((salvo.event.UnitFinished) e).willRetry()).toList(), "one final end, no retry announced");
    }
}
