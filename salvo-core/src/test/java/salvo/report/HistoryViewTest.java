package salvo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import salvo.model.Outcome;
import salvo.model.RunStatus;
import salvo.model.Totals;
import salvo.store.RunSummary;

class HistoryViewTest {

    private static RunSummary summary(long id, RunStatus status, Map<Outcome, Integer> tests, Map<String, Outcome> units) {
        Map<Outcome, Integer> unitTotals = new EnumMap<>(Outcome.class);
        units.values().forEach(o -> unitTotals.merge(o, 1, Integer::sum));
        return new RunSummary(id, "run" + id, Instant.parse("2026-11-23T10:00:00Z").plusSeconds(id * 60),
                Duration.ofSeconds(65), status, "abc", new Totals(tests, unitTotals), units);
    }

    @Test
    void trendRunsOldestToNewestInBothAlphabets() {
        List<RunSummary> newestFirst = List.of(
                summary(4, RunStatus.INTERRUPTED, Map.of(Outcome.PASSED, 1), Map.of("a.py", Outcome.PASSED)),
                summary(3, RunStatus.COMPLETED, Map.of(Outcome.PASSED, 1), Map.of("a.py", Outcome.ERROR)),
                summary(2, RunStatus.STOPPED_ON_FAILURE, Map.of(Outcome.FAILED, 1), Map.of("a.py", Outcome.FAILED)),
                summary(1, RunStatus.COMPLETED, Map.of(Outcome.PASSED, 3, Outcome.FLAKY, 1), Map.of("a.py", Outcome.FLAKY)));

        HistoryView view = HistoryView.of(newestFirst);

        // Run 3 has no failing test but a file that failed to collect: still a failed run.
        assertEquals("✔✘✘!", view.trend(true));
        assertEquals("+xx!", view.trend(false));
        assertEquals(List.of(4L, 3L, 2L, 1L), view.rows().stream().map(HistoryRow::id).toList());
    }

    @Test
    void rowsCountTestsAndPassRate() {
        HistoryRow row = HistoryView.of(List.of(summary(7, RunStatus.COMPLETED,
                Map.of(Outcome.PASSED, 2, Outcome.FLAKY, 1, Outcome.FAILED, 1, Outcome.SKIPPED, 4, Outcome.XFAILED, 1),
                Map.of("a.py", Outcome.FAILED)))).rows().get(0);

        assertEquals(3, row.passed());
        assertEquals(1, row.failed());
        assertEquals(5, row.skipped());
        assertEquals(0.75, row.passRate().getAsDouble(), 1e-9);
        assertTrue(HistoryView.of(List.of(summary(8, RunStatus.COMPLETED, Map.of(), Map.of()))).rows().get(0)
                .passRate().isEmpty());
    }

    @Test
    void flipFlopsAreUnitsThatSwitchedAtLeastTwice() {
        List<RunSummary> oldestFirst = List.of(
                summary(1, RunStatus.COMPLETED, Map.of(), Map.of("flaky.py", Outcome.PASSED, "broke.py", Outcome.PASSED,
                        "skippy.py", Outcome.PASSED)),
                summary(2, RunStatus.COMPLETED, Map.of(), Map.of("flaky.py", Outcome.FAILED, "broke.py", Outcome.FAILED,
                        "skippy.py", Outcome.SKIPPED)),
                summary(3, RunStatus.COMPLETED, Map.of(), Map.of("flaky.py", Outcome.FLAKY, "broke.py", Outcome.ERROR,
                        "skippy.py", Outcome.TIMEOUT)),
                summary(4, RunStatus.COMPLETED, Map.of(), Map.of("flaky.py", Outcome.CRASHED, "skippy.py", Outcome.SKIPPED)),
                summary(5, RunStatus.COMPLETED, Map.of(), Map.of("skippy.py", Outcome.PASSED)));

        List<RunSummary> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        HistoryView view = HistoryView.of(newestFirst);

        assertEquals(List.of("flaky.py", "skippy.py"), view.flipFlops().stream().map(FlipFlop::unitId).toList());
        FlipFlop flaky = view.flipFlops().get(0);
        assertEquals(3, flaky.flips());
        assertEquals("✔✘✔✘", flaky.sequence(true));
        assertEquals("+x+x", flaky.sequence(false));
        assertEquals(2, view.flipFlops().get(1).flips());
        assertEquals("+-x-+", view.flipFlops().get(1).sequence(false));
    }

    @Test
    void textShowsTheTableTrendAndFlipFlops() {
        HistoryView view = HistoryView.of(List.of(
                summary(12, RunStatus.COMPLETED, Map.of(Outcome.PASSED, 3, Outcome.FAILED, 1), Map.of("a.py", Outcome.FAILED)),
                summary(11, RunStatus.COMPLETED, Map.of(Outcome.PASSED, 4), Map.of("a.py", Outcome.PASSED)),
                summary(10, RunStatus.COMPLETED, Map.of(Outcome.PASSED, 3, Outcome.FAILED, 1), Map.of("a.py", Outcome.FAILED))));

        String text = HistoryText.render(view, false);

        List<String> lines = text.lines().toList();
        assertEquals("run  started    wall  status       passed  failed  skipped  pass rate", lines.get(0));
        assertEquals("#12  run12    1m 05s  x completed       3       1        0      75.0%", lines.get(1));
        assertTrue(text.contains("trend, oldest -> newest: x+x\n"), text);
        assertTrue(text.contains("  a.py  2 flips  x+x\n"), text);
        assertTrue(HistoryText.render(view, true).contains("trend, oldest → newest: ✘✔✘\n"));
    }
}
