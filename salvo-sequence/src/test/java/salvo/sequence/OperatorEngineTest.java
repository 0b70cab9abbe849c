package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.execute.RunControl;
import salvo.sequence.engine.DialogAnswer;
import salvo.sequence.engine.DialogAnswers;
import salvo.sequence.engine.DialogRequest;
import salvo.sequence.engine.Operator;
import salvo.sequence.engine.Pauses;
import salvo.sequence.engine.Progress;
import salvo.sequence.engine.Row;
import salvo.sequence.engine.Verdict;
import salvo.sequence.load.LoadOptions;
import salvo.sequence.load.Step;

/** The engine with an operator: answers it did not get from auto_result, pauses, a stop while a dialog is open. */
class OperatorEngineTest {
    @TempDir
    Path dir;

    private Path file(String steps) {
        return Tum.write(dir, "t.tum", "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4));
    }

    @Test
    void theOperatorsAnswersDecideTheDialogsAndFillTheirVariables() {
        List<DialogRequest> asked = new CopyOnWriteArrayList<>();
        DialogAnswers answers = (request, stopped) -> {
            asked.add(request);
            return switch (request.title()) {
                case "sn" -> DialogAnswer.ok("SN-7", "");
                case "go" -> DialogAnswer.of(DialogAnswer.Status.NO, "answered no by the operator");
                case "pick" -> DialogAnswer.ok(DialogRequest.Choice.answer(request.choices(),
                        new boolean[] {true, false, true}), "");
                default -> DialogAnswer.ok(null, "");
            };
        };
        Tum.Ran r = Tum.run(file("""
                - dialog_value: {name: sn, question: "serial of $(test_name)?", auto_value: SN-1}
                - dialog_question: {name: go, question: "go?", auto_result: yes}
                - dialog_choices: {name: pick, question: "which?", choices: [{name: a, choices: [{name: a1}]}, {name: b}]}
                - dialog_message: {name: hello, question: hi}
                """), new Operator(answers, new Pauses(), Progress.NONE));
        assertEquals("SN-7", r.dictionary().get("sn"), "the operator's value, not auto_value:\n" + r);
        assertEquals(Verdict.PASS, r.row("sn").verdict());
        assertEquals(Verdict.FAIL, r.row("go").verdict(), "no, although auto_result says yes");
        assertEquals("answered no by the operator", r.row("go").message());
        assertEquals("[{'name': 'a', 'checked': True, 'choices': [{'name': 'a1', 'checked': False}]}, "
                + "{'name': 'b', 'checked': True}]", salvo.sequence.expr.PyRepr.str(r.dictionary().get("cs_pick")));
        assertEquals(Verdict.PASS, r.row("hello").verdict(), "no auto_result needed with an operator");
        assertEquals("serial of m?", asked.get(0).question(), "the question is expanded");
        assertEquals("SN-1", asked.get(0).prefill(), "auto_value pre-fills");
        assertEquals("true", asked.get(1).autoResult(), "YAML 1.1: yes is a boolean");
    }

    @Test
    void aStopClosesTheOpenDialogWhichFailsAndTheTeardownStillRuns() throws Exception {
        CountDownLatch open = new CountDownLatch(1);
        DialogAnswers waitForever = (request, stopped) -> {
            open.countDown();
            awaitTrue(stopped);
            return DialogAnswer.of(DialogAnswer.Status.STOPPED, "closed");
        };
        Path f = file("""
                - dialog_question: {name: ask, question: "go?"}
                - let: {name: never, values: {x: 1}}
                - let: {name: teardown, execute_on_stop: true, values: {down: yes}}
                """);
        List<Row> rows = new CopyOnWriteArrayList<>();
        try (SequenceSession s = new SequenceSession(LoadOptions.of(f), new RunControl())) {
            assertTrue(s.load().ok());
            CompletableFuture<Verdict> run = CompletableFuture.supplyAsync(() ->
                    s.run(new Operator(waitForever, new Pauses(), Progress.NONE), line -> { }, rows::add, null));
            assertTrue(open.await(30, TimeUnit.SECONDS), "the dialog opened");
            s.stop();
            assertEquals(Verdict.FAIL, run.get(30, TimeUnit.SECONDS));
        }
        Map<String, Row> byName = byName(rows);
        assertEquals("dialog closed on stop request", byName.get("ask").message());
        assertEquals(Verdict.PASS, byName.get("teardown").verdict());
        assertFalse(byName.containsKey("never"), byName.keySet().toString());
    }

    @Test
    void aPausedRunWaitsAfterTheBannerAndGoesOnWhenResumed() throws Exception {
        Pauses pauses = new Pauses();
        List<String> events = new CopyOnWriteArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void started(Step step) {
                events.add("started " + step.title());
            }

            @Override
            public void finished(Step step, Verdict verdict, String message) {
                events.add(step.title() + " " + verdict);
            }
        };
        Path f = file("""
                - let: {name: first, values: {x: 1}}
                - let: {name: second, values: {y: 2}}
                """);
        try (SequenceSession s = new SequenceSession(LoadOptions.of(f), new RunControl())) {
            salvo.sequence.load.Loaded loaded = s.load();
            assertTrue(loaded.ok());
            pauses.pause();
            CompletableFuture<Verdict> run = CompletableFuture.supplyAsync(() ->
                    s.run(new Operator(new salvo.sequence.engine.BatchAnswers(), pauses, progress), line -> { },
                            row -> { }, null));
            awaitTrue(() -> !pauses.waiting().isEmpty());
            assertEquals("m", pauses.waiting().get(0).title(), "main waits after its banner");
            assertEquals(List.of("started m"), events, "nothing ran while paused");
            pauses.step();
            awaitTrue(() -> !pauses.waiting().isEmpty() && pauses.waiting().get(0).title().equals("first"));
            assertFalse(events.contains("first PASS"), "a step lets one item start, then pauses at the next");
            pauses.toggleBreakpoint(loaded.main().children().get(1));
            pauses.resume();
            awaitTrue(() -> !pauses.waiting().isEmpty() && pauses.waiting().get(0).title().equals("second"));
            assertTrue(events.contains("first PASS"), "resumed, first ran; the breakpoint holds second: " + events);
            pauses.resume();
            assertEquals(Verdict.PASS, run.get(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of("started m", "started first", "first PASS", "started second", "second PASS", "m PASS"),
                events);
    }

    @Test
    void aStopWhilePausedSkipsTheWaitingItem() throws Exception {
        Pauses pauses = new Pauses();
        List<Row> rows = new CopyOnWriteArrayList<>();
        Path f = file("""
                - let: {name: held, values: {x: 1}}
                """);
        try (SequenceSession s = new SequenceSession(LoadOptions.of(f), new RunControl())) {
            salvo.sequence.load.Loaded loaded = s.load();
            assertTrue(loaded.ok());
            pauses.toggleBreakpoint(loaded.main().children().get(0));
            CompletableFuture<Verdict> run = CompletableFuture.supplyAsync(() ->
                    s.run(new Operator(new salvo.sequence.engine.BatchAnswers(), pauses, Progress.NONE), line -> { },
                            rows::add, null));
            awaitTrue(() -> !pauses.waiting().isEmpty());
            s.stop();
            run.get(30, TimeUnit.SECONDS);
        }
        assertEquals(Verdict.SKIP, byName(rows).get("held").verdict());
        assertEquals("stopped while paused", byName(rows).get("held").message());
    }

    private static Map<String, Row> byName(List<Row> rows) {
        Map<String, Row> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.put(r.node().name(), r));
        return out;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
