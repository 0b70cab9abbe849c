package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.cli.tui.RunScript.T0;
import static salvo.cli.tui.RunScript.failed;
import static salvo.cli.tui.RunScript.finished;
import static salvo.cli.tui.RunScript.passed;
import static salvo.cli.tui.RunScript.started;
import static salvo.cli.tui.RunScript.testStarted;
import static salvo.cli.tui.RunScript.unitFinished;
import static salvo.cli.tui.RunScript.unitStarted;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import salvo.terminal.Cells;

class DashboardRendererTest {
    static final String LONG_UNIT = "tests/integration/payments/providers/very/deep/test_refund_flows.py";
    static final String LONG_TEST = LONG_UNIT + "::TestPartialRefunds::test_refund_is_split_across_two_cards";
    static final String CJK_TEST = "tests/国际化/test_名前.py::test_ユーザー名_😀_emoji[数据-🚀]";
    static final Instant NOW = T0.plusSeconds(75);

    private final DashboardRenderer renderer = new DashboardRenderer(Palette.COLOR);

    /** Two workers busy on long and wide names, two failures, a few finished tests. */
    static DashboardSnapshot busyRun() {
        DashboardState s = new DashboardState();
        s.apply(started(2, Duration.ofSeconds(120), LONG_UNIT, "tests/国际化/test_名前.py", "tests/test_a.py",
                "tests/test_b.py"), T0);
        s.apply(unitStarted("gw1", "tests/test_a.py", 1), T0);
        s.apply(finished("gw1", passed("tests/test_a.py::test_fast", 120)), T0.plusSeconds(1));
        s.apply(finished("gw1", failed("tests/test_a.py::test_broken", 2400, "AssertionError: assert 41 == 42",
                "def test_broken():\n>       assert 41 == 42\nE       assert 41 == 42", "captured line 1\ncaptured line 2", 1)),
                T0.plusSeconds(3));
        s.apply(unitFinished("gw1", "tests/test_a.py", false, passed("tests/test_a.py::test_fast", 120),
                failed("tests/test_a.py::test_broken", 2400, "AssertionError: assert 41 == 42",
                        "def test_broken():\n>       assert 41 == 42\nE       assert 41 == 42",
                        "captured line 1\ncaptured line 2", 1)), T0.plusSeconds(3));
        s.apply(unitStarted("gw2", "tests/test_b.py", 1), T0.plusSeconds(3));
        s.apply(finished("gw2", failed("tests/test_b.py::test_timeout_handling", 800, "TimeoutError: 5s", "", "", 1)),
                T0.plusSeconds(4));
        s.apply(unitFinished("gw2", "tests/test_b.py", false,
                failed("tests/test_b.py::test_timeout_handling", 800, "TimeoutError: 5s", "", "", 1)), T0.plusSeconds(4));
        s.apply(unitStarted("gw1", LONG_UNIT, 1), T0.plusSeconds(60));
        s.apply(RunScript.collected("gw1", LONG_UNIT, 3), T0.plusSeconds(61));
        s.apply(testStarted("gw1", LONG_TEST), T0.plusSeconds(62));
        s.apply(unitStarted("gw2", "tests/国际化/test_名前.py", 2), T0.plusSeconds(70));
        s.apply(testStarted("gw2", CJK_TEST), T0.plusSeconds(70));
        return s.snapshot();
    }

    private Frame render(DashboardSnapshot s, ViewState v, int w, int h) {
        return renderer.render(s, v, w, h, NOW);
    }

    private static String screen(Frame f) {
        return String.join("\n", f.text());
    }

    @ParameterizedTest
    @CsvSource({"40,12", "80,24", "200,60", "20,6", "10,3", "1,1"})
    void fillsTheScreenExactlyAndNeverOverflowsALine(int w, int h) {
        for (ViewState v : List.of(ViewState.initial(), ViewState.initial().withMode(ViewMode.FAILURES),
                ViewState.initial().openDetail(0))) {
            Frame f = render(busyRun(), v, w, h);
            assertEquals(h, f.lines().size(), v.mode() + " at " + w + "x" + h + ":\n" + screen(f));
            for (AttributedString line : f.lines()) {
                assertTrue(Cells.width(line.toString()) <= w, "too wide at " + w + "x" + h + ": [" + line + "]");
            }
        }
    }

    @Test
    void overviewAt80x24ShowsHeaderProgressWorkersCountsFailuresAndSlowest() {
        List<String> lines = render(busyRun(), ViewState.initial(), 80, 24).text();
        String all = String.join("\n", lines);
        assertTrue(lines.get(0).contains("run 20261123_101502_123"), lines.get(0));
        assertTrue(lines.get(0).contains("elapsed 1:15"), lines.get(0));
        assertTrue(lines.get(0).contains("ETA 0:45"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" 3/~9 tests (2/4 files)  33% "), "the CJK file guessed at the mean: " + lines.get(1));
        assertTrue(lines.get(1).contains("█"), lines.get(1));
        assertTrue(lines.get(2).contains("1 passed  2 failed"), lines.get(2));
        assertTrue(all.contains("Workers  2 of 2 busy"), all);
        String gw1 = row(lines, " gw1 ");
        assertTrue(gw1.contains("test_refund_is_split_across_two_cards"), gw1);
        assertTrue(gw1.endsWith("13s"), gw1);
        String gw2 = row(lines, " gw2 ");
        assertTrue(gw2.contains("(attempt 2)"), gw2);
        assertTrue(gw2.endsWith("5.0s"), gw2);
        assertTrue(all.contains("Failures  2 failing"), all);
        assertTrue(all.contains("FAILED  tests/test_a.py::test_broken  AssertionError: assert 41 == 42"), all);
        assertTrue(all.contains("Slowest tests"), all);
        assertTrue(row(lines, "   2.4s").contains("tests/test_a.py::test_broken"), all);
        assertTrue(lines.get(23).contains("q stop"), lines.get(23));
    }

    @Test
    void theBarFollowsTestsAndANarrowScreenDropsTheFilesBeforeTheBar() {
        String wide = render(busyRun(), ViewState.initial(), 80, 24).text().get(1);
        int barCells = (int) wide.chars().filter(c -> c == '█' || c == '░' || " ▏▎▍▌▋▊▉".indexOf(c) > 0).count();
        int filled = (int) wide.chars().filter(c -> c == '█').count();
        assertEquals(barCells / 3, filled, "a third of the tests done fills a third of the bar: " + wide);

        String narrow = render(busyRun(), ViewState.initial(), 30, 12).text().get(1);
        assertTrue(narrow.contains("█") && narrow.endsWith(" 3/~9 tests  33% "), narrow);
    }

    @Test
    void at40x12EverySectionStillGetsARow() {
        List<String> lines = render(busyRun(), ViewState.initial(), 40, 12).text();
        String all = String.join("\n", lines);
        assertTrue(lines.get(0).contains("ETA"), all);
        assertTrue(all.contains(" gw1 ") && all.contains(" gw2 "), all);
        assertTrue(all.contains("Failures"), all);
        assertTrue(all.contains("Slowest"), all);
    }

    @Test
    void at200x60LongNamesAreShownWhole() {
        String all = screen(render(busyRun(), ViewState.initial(), 200, 60));
        assertTrue(all.contains(LONG_TEST), all);
        assertTrue(all.contains(CJK_TEST), all);
        assertFalse(all.contains("…"), all);
    }

    @Test
    void longNamesAreCutKeepingTheFileTailAndTheTestName() {
        String gw1 = row(render(busyRun(), ViewState.initial(), 100, 24).text(), " gw1 ");
        assertTrue(gw1.contains("…"), gw1);
        assertTrue(gw1.contains("test_refund_flows.py::TestPartialRefunds::test_refund_is_split_across_two_cards"), gw1);
        assertFalse(gw1.contains("tests/integration"), gw1);
    }

    @Test
    void wideCharactersKeepColumnsAligned() {
        List<String> lines = render(busyRun(), ViewState.initial(), 60, 24).text();
        String gw1 = row(lines, " gw1 ");
        String gw2 = row(lines, " gw2 ");
        assertTrue(gw2.contains("😀") || gw2.contains("…"), gw2);
        // Durations end at the right edge on both rows, whatever the names' widths.
        assertEquals(60, Cells.width(gw1), gw1);
        assertEquals(60, Cells.width(gw2), gw2);
    }

    @Test
    void manyWorkersOnASmallScreenEndWithAMoreRow() {
        DashboardState s = new DashboardState();
        s.apply(started(16, null, "a.py"), T0);
        s.apply(unitStarted("gw16", "a.py", 1), T0);
        String all = screen(renderer.render(s.snapshot(), ViewState.initial(), 80, 14, NOW));
        assertTrue(all.contains("more workers, 1 busy"), all);
    }

    @Test
    void failuresOnlyViewListsFailuresAndHidesTheRest() {
        String all = screen(render(busyRun(), ViewState.initial().withMode(ViewMode.FAILURES), 80, 24));
        assertTrue(all.contains("tests/test_a.py::test_broken"), all);
        assertTrue(all.contains("tests/test_b.py::test_timeout_handling"), all);
        assertFalse(all.contains("Workers"), all);
        assertFalse(all.contains("Slowest"), all);
        assertFalse(all.contains("test_fast"), all);
    }

    @Test
    void theSelectedFailureIsMarkedAndReversed() {
        ViewState v = Navigation.next(ViewState.initial(), Key.UP, 2, Frame.EMPTY);
        Frame f = render(busyRun(), v, 80, 24);
        int index = indexOf(f.text(), "test_timeout_handling");
        assertTrue(f.text().get(index).startsWith("›"), f.text().get(index));
        AttributedString selected = f.lines().get(index);
        assertEquals(80, Cells.width(selected.toString()), "the bar spans the screen");
        assertTrue(isInverse(selected.styleAt(5)) && isInverse(selected.styleAt(selected.length() - 1)));
        assertFalse(isInverse(f.lines().get(indexOf(f.text(), "test_broken")).styleAt(5)));
    }

    @Test
    void detailViewShowsTheFailureTracebackAndOutput() {
        String all = screen(render(busyRun(), ViewState.initial().openDetail(0), 80, 24));
        assertTrue(all.contains("FAILED  tests/test_a.py::test_broken"), all);
        assertTrue(all.contains("1 of 2 · gw1 · attempt 1 · assertion · 2.4s"), all);
        assertTrue(all.contains("AssertionError: assert 41 == 42"), all);
        assertTrue(all.contains(">       assert 41 == 42"), all);
        assertTrue(all.contains(" output "), all);
        assertTrue(all.contains("captured line 2"), all);
        assertFalse(all.contains("Workers"), all);
        String rule = render(busyRun(), ViewState.initial().openDetail(0), 80, 24).text().stream()
                .filter(l -> l.contains(" output ")).findFirst().orElseThrow();
        assertEquals(80, Cells.width(rule), rule);
        assertFalse(rule.contains("…"), "a rule is drawn to the edge, not cut: " + rule);
    }

    @Test
    void detailViewScrollsAndStopsAtTheEnd() {
        DashboardState s = new DashboardState();
        s.apply(started(1, null, "t.py"), T0);
        String longDetail = IntStream.rangeClosed(1, 100).mapToObj(i -> "trace line " + i).collect(Collectors.joining("\n"));
        s.apply(finished("gw1", failed("t.py::test_x", 10, "boom", longDetail, "", 1)), T0);
        DashboardSnapshot snap = s.snapshot();

        Frame top = renderer.render(snap, ViewState.initial().openDetail(0), 80, 20, NOW);
        assertTrue(screen(top).contains("trace line 1\n"), screen(top));
        assertFalse(screen(top).contains("trace line 40"), screen(top));

        ViewState paged = Navigation.next(ViewState.initial().openDetail(0), Key.PAGE_DOWN, 1, top);
        String second = screen(renderer.render(snap, paged, 80, 20, NOW));
        assertFalse(second.contains("trace line 1\n"), second);
        assertTrue(second.contains("trace line 20"), second);

        ViewState end = Navigation.next(paged, Key.END, 1, top);
        assertEquals(top.detailMaxScroll(), end.detailScroll());
        String last = screen(renderer.render(snap, end, 80, 20, NOW));
        assertTrue(last.contains("(no captured output)"), last);
        ViewState past = Navigation.next(end, Key.DOWN, 1, top);
        assertEquals(end, past, "scrolling stops at the end");
    }

    @Test
    void aLongFailureListScrollsToKeepTheSelectionVisible() {
        DashboardState s = new DashboardState();
        s.apply(started(1, null, "t.py"), T0);
        for (int i = 0; i < 50; i++) {
            s.apply(finished("gw1", failed("t.py::test_" + i, 10, "reason " + i, "", "", 1)), T0);
        }
        DashboardSnapshot snap = s.snapshot();
        ViewState v = ViewState.initial().withMode(ViewMode.FAILURES);
        Frame following = renderer.render(snap, v, 80, 20, NOW);
        assertTrue(screen(following).contains("t.py::test_49 "), "follows the latest failures");
        assertFalse(screen(following).contains("t.py::test_0 "));

        v = Navigation.next(v, Key.HOME, 50, following);
        Frame top = renderer.render(snap, v, 80, 20, NOW);
        assertTrue(screen(top).contains("›FAILED  t.py::test_0 "), screen(top));
        assertFalse(screen(top).contains("t.py::test_49 "));

        v = Navigation.next(v, Key.PAGE_DOWN, 50, top);
        Frame next = renderer.render(snap, v, 80, 20, NOW);
        int page = top.listRows();
        assertTrue(screen(next).contains("›FAILED  t.py::test_" + page + " "), screen(next));
        assertFalse(screen(next).contains("t.py::test_0 "), screen(next));

        ViewState detail = Navigation.next(v, Key.ENTER, 50, next);
        assertTrue(screen(renderer.render(snap, detail, 80, 20, NOW)).contains("reason " + page));
        assertEquals(ViewMode.FAILURES, Navigation.next(detail, Key.ESCAPE, 50, next).mode());
    }

    @Test
    void noColourLeavesOnlyBoldFaintAndInverse() {
        Frame f = new DashboardRenderer(Palette.MONO).render(busyRun(), ViewState.initial(), 80, 24, NOW);
        for (AttributedString line : f.lines()) {
            for (int i = 0; i < line.length(); i++) {
                AttributedStyle st = line.styleAt(i);
                assertEquals(0, st.getStyle() & (F_FOREGROUND | F_BACKGROUND), "colour in [" + line + "]");
            }
        }
        Frame coloured = render(busyRun(), ViewState.initial(), 80, 24);
        int failureRow = indexOf(coloured.text(), "FAILED  tests/test_a.py");
        assertTrue((coloured.lines().get(failureRow).styleAt(1).getStyle() & F_FOREGROUND) != 0);
        assertTrue(Palette.fromEnvironment("1", 256) == Palette.MONO);
        assertTrue(Palette.fromEnvironment("", 256) == Palette.COLOR);
        assertTrue(Palette.fromEnvironment(null, 2) == Palette.MONO);
    }

    @Test
    void stoppingAndFinishedAreSaidInTheHeader() {
        DashboardState s = new DashboardState();
        s.apply(started(1, null, "t.py"), T0);
        s.markStopping();
        Frame stopping = renderer.render(s.snapshot(), ViewState.initial(), 80, 24, NOW);
        assertTrue(stopping.text().get(0).contains("stopping"), stopping.text().get(0));
        s.apply(RunScript.runFinished(salvo.model.RunStatus.INTERRUPTED, T0.plusSeconds(9)), T0.plusSeconds(9));
        Frame done = renderer.render(s.snapshot(), ViewState.initial(), 80, 24, NOW);
        assertTrue(done.text().get(0).contains("finished in 0:09  interrupted"), done.text().get(0));
    }

    // AttributedStyle's flag bits for an explicit foreground or background colour.
    private static final long F_FOREGROUND = 768L;
    private static final long F_BACKGROUND = 3072L;
    private static final long F_INVERSE = 32L;

    private static boolean isInverse(AttributedStyle st) {
        return (st.getStyle() & F_INVERSE) != 0;
    }

    private static String row(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row starting with [" + start + "] in\n" + String.join("\n", lines)));
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with [" + part + "] in\n" + String.join("\n", lines));
    }
}
