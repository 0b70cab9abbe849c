package salvo.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import salvo.model.WorkerRef;
import salvo.model.NodeId;
import static org.junit.jupiter.api.Assertions.assertSame;

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
        assertSame(last, Retries.merge(first, last));
    }

    @Test
    void retryingRunnerRunsUntilPassAndAnnouncesEachRetry() {
        int[] calls = {0};
        UnitRunner flaky = (u, attempt, ctx) -> {
            calls[0]++;
            return attempt < 3 ? unit(Outcome.FAILED, attempt, test("x", Outcome.FAILED, attempt))
                    : unit(Outcome.PASSED, attempt, test("x", Outcome.PASSED, attempt));
        };
        List<salvo.event.RunEvent> events = new java.util.ArrayList<>();
        UnitResult r = new RetryingRunner(flaky, 5).run(UNIT, 1, new WorkerContext(WorkerRef.local("gw1"), new salvo.event.RunEvents("r", events::add), new RunControl()));
        assertEquals(3, calls[0]);
        assertEquals(Outcome.FLAKY, r.outcome());
        assertEquals(2, events.stream().filter(e -> e instanceof salvo.event.UnitFinished f && f.willRetry()).count());
    }

    @Test
    void retriesStopAtTheLimitAndWhenInterrupted() {
        int[] calls = {0};
        UnitRunner broken = (u, attempt, ctx) -> {
            calls[0]++;
            return unit(Outcome.FAILED, attempt, test("x", Outcome.FAILED, attempt));
        };
        new RetryingRunner(broken, 2).run(UNIT, 1, new WorkerContext(WorkerRef.local("gw1"), new salvo.event.RunEvents("r", e -> { }), new RunControl()));
        assertEquals(3, calls[0]);
        RunControl stopped = new RunControl();
        stopped.interrupt();
        calls[0] = 0;
        new RetryingRunner(broken, 2).run(UNIT, 1, new WorkerContext(WorkerRef.local("gw1"), new salvo.event.RunEvents("r", e -> { }), stopped));
        assertEquals(1, calls[0]);
    }
}
