package salvo.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

class SlowestTestsTest {
    private static final WorkerRef GW1 = WorkerRef.local("gw1");
    private static final RunInfo INFO = new RunInfo("run-1", "20261202_101502_123", Instant.now(), "host", "", "/tmp",
            Map.of());

    private static TestResult test(String unit, String name, long millis, int attempt) {
        return new TestResult(NodeId.test(unit, unit + "::" + name, name), Outcome.PASSED, Duration.ofMillis(millis),
                null, "", attempt).withWorker(GW1);
    }

    private static RunRecord run(List<TestResult> a, List<TestResult> b) {
        TestUnit ua = new TestUnit("a.py", Path.of("a.py"), "pytest");
        TestUnit ub = new TestUnit("b.py", Path.of("b.py"), "pytest");
        return new RunRecord(1, INFO, Instant.now(), RunStatus.COMPLETED, List.of(
                new UnitResult(ua, Outcome.PASSED, Duration.ofSeconds(1), a, null, 1, GW1),
                new UnitResult(ub, Outcome.PASSED, Duration.ofSeconds(1), b, null, 1, GW1)));
    }

    private static SlowestTests.Asked asked(int count, double minSeconds) {
        return new SlowestTests.Asked(count, Duration.ofNanos(Math.round(minSeconds * 1e9)));
    }

    @Test
    void theSlowestOfEveryUnitComeFirstAndTheCountIsTakenBeforeTheQuickOnesAreLeftOut() {
        RunRecord run = run(List.of(test("a.py", "t_mid", 120, 1), test("a.py", "t_quick", 1, 1)),
                List.of(test("b.py", "t_slow", 2300, 1), test("b.py", "t_quicker", 2, 1)));
        assertEquals("""

                Slowest 3 tests
                  2.30s   b.py::t_slow  [gw1]
                  0.12s   a.py::t_mid  [gw1]
                  (1 test under 0.005s left out: --durations-min 0 lists them)
                """, SlowestTests.render(run, asked(3, 0.005), Style.plain()));
        assertEquals("""

                Slowest tests
                  2.30s   b.py::t_slow  [gw1]
                  0.12s   a.py::t_mid  [gw1]
                  0.00s   b.py::t_quicker  [gw1]
                  0.00s   a.py::t_quick  [gw1]
                """, SlowestTests.render(run, asked(0, 0), Style.plain()));
    }

    @Test
    void eachAttemptIsListedAndOnlyTestsCount() {
        TestResult container = new TestResult(NodeId.ofUnit("a.py").child(NodeId.Kind.CONTAINER, "a.py::Suite", "Suite"), Outcome.PASSED,
                Duration.ofSeconds(9), null, "", 1);
        RunRecord run = run(List.of(container, test("a.py", "t_retried", 300, 1), test("a.py", "t_retried", 200, 2)),
                List.of());
        assertEquals("""

                Slowest 5 tests
                  0.30s   a.py::t_retried  [gw1]
                  0.20s   a.py::t_retried (attempt 2)  [gw1]
                """, SlowestTests.render(run, asked(5, 0.005), Style.plain()));
    }

    /** A unit run whole (a fresh process, the foreground) knows its worker, its tests do not. */
    @Test
    void aTestWithoutAWorkerOfItsOwnShowsItsUnits() {
        TestResult ranWhole = new TestResult(NodeId.test("a.py", "a.py::t", "t"), Outcome.PASSED, Duration.ofSeconds(1),
                null, "", 1);
        assertEquals("\nSlowest test\n  1.00s   a.py::t  [gw1]\n",
                SlowestTests.render(run(List.of(ranWhole), List.of()), asked(1, 0.005), Style.plain()));
    }

    @Test
    void aRunWithoutTestsSaysSoAndNegativeAsksAreRefused() {
        assertEquals("\nSlowest 10 tests\n  no test ran\n", SlowestTests.render(run(List.of(), List.of()),
                asked(10, 0.005), Style.plain()));
        assertThrows(IllegalArgumentException.class, () -> asked(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> asked(1, -0.1));
    }
}
