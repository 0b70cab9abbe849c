package salvo.sequence.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import salvo.sequence.engine.DialogKind;
import salvo.sequence.engine.DialogRequest;
import salvo.sequence.engine.Pauses;
import salvo.sequence.engine.Verdict;
import salvo.sequence.load.Step;
import salvo.terminal.Cells;

/** The operator's view as data, and as drawn: no terminal involved. */
class OperatorViewTest {
    private static Step step(String kind, String id, String name, Step... children) {
        return new Step(kind, id, name, kind, Map.of(), Map.of(), List.of(children), null, false);
    }

    private final Step leafA = step("let", "0:group/0:let", "a");
    private final Step leafB = step("sleep", "0:group/1:sleep", "b");
    private final Step group = step("group", "0:group", "g", leafA, leafB);
    private final Step teardown = step("let", "1:let", "teardown");
    private final Step main = step("main", "", "bench", group, teardown);

    @Test
    void theSelectionFollowsTheRunningItemUntilTheOperatorMovesIt() {
        OperatorView v = new OperatorView(main);
        v.started(main);
        v.started(group);
        v.started(leafA);
        assertEquals(leafA, v.selected());
        v.select(-1);
        v.finished(leafA, Verdict.PASS);
        v.started(leafB);
        assertEquals(group, v.selected(), "moved by the operator: it stays");
        v.follow();
        assertEquals(leafB, v.selected(), "following again: the running item");
    }

    @Test
    void anItemsLogHoldsItsChildrensLinesAndMainsIsTheWholeRun() {
        OperatorView v = new OperatorView(main);
        v.printed(leafA, "from a");
        v.printed(group, "from g");
        v.logged("run line");
        v.select(1);
        OperatorView.Snapshot s = v.snapshot(new Pauses(), Map.of());
        assertEquals("g", s.logTitle());
        assertEquals(List.of("from a", "from g"), s.log());
        v.selectEdge(false);
        assertEquals(List.of("run line"), v.snapshot(new Pauses(), Map.of()).log());
    }

    @Test
    void theDictionaryLeavesOutInternalAndTimingEntries() {
        assertEquals(Map.of("serial", "4242", "name", "'x'"), OperatorView.shown(Map.of("serial", 4242L, "name", "x",
                "_internal", 1, "ts_start_a", 5, "ts_duration_a", 0.1)));
    }

    @Test
    void statusSaysPausedAndWhereAndTheEnd() {
        OperatorView v = new OperatorView(main);
        Pauses pauses = new Pauses();
        assertEquals("running", v.snapshot(pauses, Map.of()).status());
        pauses.pause();
        assertEquals("PAUSED", v.snapshot(pauses, Map.of()).status());
        v.stopping();
        v.runFinished(Verdict.FAIL);
        assertEquals("finished: FAIL", v.snapshot(pauses, Map.of()).status());
    }

    @Test
    void theFrameShowsTreeStatesTheDialogAndKeysWithinItsSize() {
        OperatorView v = new OperatorView(main);
        v.started(main);
        v.started(group);
        v.finished(leafA, Verdict.PASS);
        v.started(leafB);
        v.printed(leafB, "-----> step \"b\" started                                               @@123@@");
        Pauses pauses = new Pauses();
        pauses.toggleBreakpoint(teardown);
        DialogForm form = new DialogForm(new DialogRequest(DialogKind.VALUE, "serial", "Serial number?", null, "SN1", null,
                List.of(), List.of()), null);
        v.open(form);
        List<AttributedString> frame = new OperatorRenderer(true).frame(v.snapshot(pauses, Map.of("serial", "SN0")), 90, 20);
        assertEquals(20, frame.size());
        frame.forEach(l -> assertTrue(Cells.width(l.toString()) <= 90, "fits: " + l));
        String text = String.join("\n", frame.stream().map(AttributedString::toString).toList());
        assertTrue(text.contains("waiting for the operator"), text);
        assertTrue(text.contains("PASS a"), text);
        assertTrue(text.contains("RUN  b"), text);
        assertTrue(text.contains("●  ") && text.contains("teardown"), "the breakpoint is marked:\n" + text);
        assertTrue(text.contains("Value dialog \"serial\""), text);
        assertTrue(text.contains("> SN1"), text);
        assertTrue(text.contains("-----> step \"b\" started\n") || text.contains("-----> step \"b\" started "),
                "the banner's tick is dropped:\n" + text);
        assertTrue(!text.contains("@@123@@"), text);
        assertTrue(text.contains("serial = 'SN0'"), text);
        assertTrue(frame.get(19).toString().contains("Enter answers"), "the dialog's keys at the bottom: " + frame.get(19));
    }
}
