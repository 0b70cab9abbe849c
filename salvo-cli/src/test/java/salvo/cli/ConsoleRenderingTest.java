package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.cli.console.RunSummary;
import salvo.cli.console.Style;
import salvo.cli.console.UnitLine;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

class ConsoleRenderingTest {
    private static UnitResult unit(String id, Outcome o, Failure f, TestResult... tests) {
        return new UnitResult(new TestUnit(id, Path.of(id), "pytest"), o, Duration.ofMillis(1234), List.of(tests), f, 1,
                salvo.model.WorkerRef.local("gw2"));
    }

    private static TestResult test(String id, Outcome o, String message) {
        return new TestResult(salvo.pytest.PytestIds.node(id), o, Duration.ofMillis(3),
                message == null ? null : Failure.of(FailureKind.ASSERTION, message), "", 1);
    }

    @Test
    void unitLineShowsCountsOrTheReason() {
        UnitResult ok = unit("a.py", Outcome.PASSED, null, test("a.py::x", Outcome.PASSED, null),
                test("a.py::y", Outcome.SKIPPED, null));
        assertEquals("PASSED   a.py  1 passed, 1 skipped  1.23s [gw2]", UnitLine.render(ok, false, Style.plain()));
        UnitResult broken = unit("b.py", Outcome.ERROR, Failure.of(FailureKind.IMPORT, "ImportError: nope"));
        assertEquals("ERROR    b.py  [IMPORT] ImportError: nope  1.23s [gw2]", UnitLine.render(broken, false, Style.plain()));
        assertTrue(UnitLine.render(broken, true, Style.plain()).startsWith("RETRY    b.py"));
    }

    @Test
    void summaryHasTotalsComparisonAndAFailureTable() {
        RunInfo info = new RunInfo("run-7", "20261123_000000_000", Instant.parse("2026-11-23T00:00:00Z"), "h", "", "/r", Map.of());
        RunRecord run = new RunRecord(7, info, Instant.parse("2026-11-23T00:00:02Z"), RunStatus.INTERRUPTED, List.of(
                unit("a.py", Outcome.PASSED, null, test("a.py::x", Outcome.PASSED, null)),
                unit("b.py", Outcome.FAILED, null, test("b.py::t", Outcome.FAILED, "assert 1 == 2"))));
        String s = RunSummary.render(run, Optional.of("vs run #6: 1 new failure"), Style.plain());
        assertTrue(s.contains("Salvo run #7 · 2 files · 2.00s · INTERRUPTED (partial results kept)"), s);
        assertTrue(s.contains("tests: 1 passed, 1 failed"), s);
        assertTrue(s.contains("vs run #6: 1 new failure"), s);
        assertTrue(s.contains("  FAILED   b.py  t: assert 1 == 2"), s);
        assertFalse(s.contains("\u001b["), "plain style has no escape codes");
    }
}
