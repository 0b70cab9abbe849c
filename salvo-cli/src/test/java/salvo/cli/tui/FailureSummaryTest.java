package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.cli.tui.RunScript.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import salvo.model.RunStatus;
import salvo.terminal.Cells;

class FailureSummaryTest {

    @Test
    void listsEachFailureWithItsReasonUnderAHeadline() {
        DashboardState s = new DashboardState();
        s.apply(RunScript.started(1, null, "tests/test_a.py"), T0);
        s.apply(RunScript.finished("gw1", RunScript.failed("tests/test_a.py::test_broken", 10,
                "AssertionError: assert 41 == 42", "", "", 1)), T0);
        s.apply(RunScript.finished("gw1", RunScript.passed("tests/test_a.py::test_ok", 10)), T0);
        s.apply(RunScript.runFinished(RunStatus.COMPLETED, T0.plusSeconds(3)), T0.plusSeconds(3));
        List<String> lines = FailureSummary.lines(s.snapshot(), 100, T0.plusSeconds(10));
        assertEquals("salvo: run 20261123_101502_123 completed after 0:03: 1 passed, 1 failed (0/1 files)", lines.get(0));
        assertTrue(lines.get(1).startsWith("OUTCOME  TEST"), lines.get(1));
        assertTrue(lines.get(1).endsWith("REASON"), lines.get(1));
        assertEquals("FAILED   tests/test_a.py::test_broken  AssertionError: assert 41 == 42", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void tooNarrowForATablePutsTheReasonUnderTheWholeTestId() {
        DashboardState s = new DashboardState();
        s.apply(RunScript.started(1, null, "t.py"), T0);
        s.apply(RunScript.finished("gw1", RunScript.failed(DashboardRendererTest.LONG_TEST, 10,
                "x".repeat(300), "", "", 1)), T0);
        s.markStopping();
        List<String> lines = FailureSummary.lines(s.snapshot(), 60, T0.plusSeconds(5));
        assertTrue(lines.get(0).contains(" stopped after 0:05"), lines.get(0));
        assertEquals("FAILED   " + DashboardRendererTest.LONG_TEST, lines.get(1));
        assertTrue(lines.get(2).startsWith("         xxxx"), lines.get(2));
        assertEquals(60, Cells.width(lines.get(2)), lines.get(2));
    }

    @Test
    void saysSoWhenNothingFailedAndPrintsNothingBeforeTheRunStarted() {
        DashboardState s = new DashboardState();
        assertEquals(List.of(), FailureSummary.lines(s.snapshot(), 80, T0));
        s.apply(RunScript.started(1, null, "t.py"), T0);
        assertEquals("No failures.", FailureSummary.lines(s.snapshot(), 80, T0).get(1));
    }
}
