package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Row;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/** Each item of the engine, its common fields and their order (§3, §4, §5), with real Python helpers. */
class EngineTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Tum.Ran run(String steps, String... defines) {
        return Tum.run(Tum.write(dir, "t.tum", "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4)), defines);
    }

    @Test
    void letAndCheckWithTypedAndSplicedValues() {
        Tum.Ran r = run("""
                - let: {values: [{rate_fast: 10, mode: fast}, {rate: "$(rate_$(mode))", label: "$(rate) Hz", l: [1, a], t: true}]}
                - check: {name: typed, values: ["<| $(rate) + 1 == 11 |>", "<| '$(label)' == '10 Hz' |>"]}
                - let: {values: {s: "$(l) $(t) $(none)"}}
                - check: {name: notmet, values: ["<| 1 == 2 |>"]}
                - check: {name: notbool, values: ["text"]}
                """);
        assertEquals(10L, r.dictionary().get("rate"));
        assertEquals("[1, 'a'] True $(none)", r.dictionary().get("s"));
        assertEquals(Verdict.PASS, r.row("typed").verdict());
        assertEquals("Check failed: '<| 1 == 2 |>' evaluated to False", r.row("notmet").message());
        assertEquals(Verdict.FAIL, r.row("notbool").verdict());
        assertTrue(r.log().contains("WARN  $(none) is not defined"), r.log());
        assertEquals(Verdict.FAIL, r.verdict());
    }

    @Test
    void groupStopOnFailureAndCleanup() {
        Tum.Ran r = run("""
                - group:
                    name: g
                    stop_on_failure: true
                    steps:
                      - check: {name: bad, values: [false]}
                      - let: {name: never, values: {x: 1}}
                      - let: {name: cleanup, execute_on_stop: true, values: {cleaned: true}}
                """);
        assertEquals("group aborted on failure of step 'bad'", r.row("g").message());
        assertEquals(List.of("bad=FAIL", "cleanup=PASS", "g=FAIL"), r.names());
        assertEquals(true, r.dictionary().get("cleaned"));
    }

    @Test
    void conditionsSkipAndOutcomesApplyInOrder() {
        Tum.Ran r = run("""
                - let: {name: skipped by condition, condition: "<| 1 == 2 |>", values: {x: 1}}
                - let: {name: skipped at load, skipped: yes, values: {x: 1}}
                - dialog_value: {name: v, question: "value?", auto_result: ok, auto_value: 4, process_result: "$(result) * 2", expected_result: 8, store_result: stored}
                - check: {name: turned, values: [false], expected_result: FAIL}
                - check: {name: forgiven, values: [false], no_fail: true}
                - check: {name: notforgiven, values: [false], no_fail: "false"}
                """);
        assertEquals(Verdict.SKIP, r.row("skipped by condition").verdict());
        assertTrue(r.row("skipped by condition").message().startsWith("condition not met"));
        assertEquals(Verdict.SKIP, r.row("skipped at load").verdict());
        assertEquals(Verdict.PASS, r.row("v").verdict(), r.toString());
        assertEquals(8L, r.dictionary().get("stored"));
        assertEquals(Verdict.PASS, r.row("turned").verdict());
        assertEquals(Verdict.PASS, r.row("forgiven").verdict());
        assertEquals(Verdict.FAIL, r.row("notforgiven").verdict());
    }

    @Test
    void loopVariablesRoundsAndExitConditions() {
        Tum.write(dir, "done.py", "def enough(p):\n    return p >= 2\n");
        Tum.Ran r = run("""
                - loop:
                    name: L
                    iterator: [a, b, c]
                    steps:
                      - let: {name: in, values: {"v_$(loop_index)": "$(loop_param) $(loop_index)/$(loop_count) $(loop_index_inverse)"}}
                - loop:
                    name: until
                    iterator: 5
                    exit_condition: {file: done.py, func_name: enough}
                    steps: [{let: {values: {last: "$(loop_param)"}}}]
                - loop:
                    name: byvalue
                    exit_condition: {value: "<| $(loop_param) == 3 |>"}
                    steps: [{sleep: {timeout: 0}}]
                - loop:
                    name: failing
                    iterator: 3
                    stop_on_failure: true
                    steps: [{check: {values: ["<| $(loop_param) < 2 |>"]}}]
                """);
        assertEquals("a 0/3 3", r.dictionary().get("v_0"));
        assertEquals("c 2/3 1", r.dictionary().get("v_2"));
        assertEquals(2L, r.dictionary().get("last"));
        assertEquals(3, r.rows().stream().filter(x -> x.node().id().matches("0:loop/#\\d")).count(),
                "each round has a row of its own: " + r.names());
        assertEquals(Verdict.PASS, r.row("byvalue").verdict());
        assertEquals(Verdict.FAIL, r.row("failing").verdict());
        assertTrue(r.row("failing").message().contains("(Cycle 2/3)"), r.row("failing").message());
        assertTrue(r.log().contains("Cycle \"L\" iteration 1/3."), r.log());
    }

    @Test
    void sleepAcceptsDurations() {
        Tum.Ran r = run("""
                - sleep: {name: s, timeout: "0m 0.2s"}
                - sleep: {name: bad, timeout: "soon"}
                """);
        assertEquals(Verdict.PASS, r.row("s").verdict());
        assertTrue(r.row("s").duration().toMillis() >= 190, r.row("s").duration().toString());
        assertEquals(Verdict.FAIL, r.row("bad").verdict());
    }

    @Test
    void pyFuncReturnsFailsAndSharesTheDictionary() {
        Tum.write(dir, "lib.py", """
                import py_func.tm as tm
                count = 0
                def add(a, b):
                    global count
                    count += 1
                    print("adding", a, b)
                    tm.setgd("sum", a + b)
                    tm.setgd("opaque", object())
                    return (a + b, count)
                def seen():
                    return [tm.gd("sum"), tm.gd("opaque") is not None]
                def boom():
                    raise ValueError("bad input")
                class Measure(tm.FunctionItem):
                    def exec(self, x):
                        self.reportValue("unit", "V")
                        return x * 2
                def nojson():
                    return {1, 2}
                """);
        Tum.Ran r = run("""
                - py_func: {name: p, file: lib.py, func_name: add, param: [2, 3], context_id: bench}
                - py_func: {name: again, file: lib.py, func_name: add, param: [1, 1], context_id: bench}
                - py_func: {name: same, file: lib.py, func_name: seen, context_id: bench}
                - py_func: {name: fresh, file: lib.py, func_name: seen}
                - py_func: {name: boom, file: lib.py, func_name: boom}
                - py_func: {name: cls, file: lib.py, func_name: Measure, param: [2.5]}
                - py_func: {name: sig, file: lib.py, func_name: add, param: [1]}
                - py_func: {name: nojson, file: lib.py, func_name: nojson}
                """);
        assertEquals(List.of(5L, 1L), r.dictionary().get("pfn_p"));
        assertEquals(List.of(2L, 1L), r.dictionary().get("pfn_again"), "module state never survives a call");
        assertEquals(List.of(2L, true), r.dictionary().get("pfn_same"), "a non-JSON value stays in its context's worker");
        assertEquals(List.of(2L, false), r.dictionary().get("pfn_fresh"));
        assertEquals(Verdict.FAIL, r.row("boom").verdict());
        assertTrue(r.row("boom").message().contains("ValueError: bad input"), r.row("boom").message());
        assertTrue(r.row("boom").output().contains("Traceback"), r.row("boom").output());
        assertEquals(5.0, r.dictionary().get("pfn_cls"));
        assertEquals("V", r.row("cls").data().get("unit"));
        assertTrue(r.row("p").output().contains("adding 2 3"), r.row("p").output());
        assertTrue(r.row("sig").message().contains("does not take these parameters"), r.row("sig").message());
        assertTrue(r.row("nojson").message().contains("not a JSON value"), r.row("nojson").message());
    }

    @Test
    void dialogsInBatch() {
        Tum.Ran r = run("""
                - dialog_message: {name: m, question: hi, auto_result: ok}
                - dialog_message: {name: m-no, question: hi, auto_result: no}
                - dialog_question: {name: q, question: "go?"}
                - dialog_question: {name: q-cancel, question: "go?", auto_result: cancel}
                - dialog_value: {name: serial, question: "serial?", auto_result: ok, default: SN1}
                - dialog_note: {name: note, question: "note?", auto_result: ok, auto_value: ""}
                - dialog_choices: {name: ch, question: "pick", auto_result: ok, choices: [{name: a, choices: [{name: a1}]}, {name: b}]}
                """);
        assertEquals(Verdict.PASS, r.row("m").verdict());
        assertEquals(Verdict.FAIL, r.row("m-no").verdict());
        assertEquals(Verdict.FAIL, r.row("q").verdict());
        assertTrue(r.row("q").message().startsWith("Dialog not supported in batch mode"), r.row("q").message());
        assertEquals(Verdict.FAIL, r.row("q-cancel").verdict());
        assertEquals("SN1", r.dictionary().get("serial"));
        assertEquals(Verdict.FAIL, r.row("note").verdict());
        assertEquals("[{'name': 'a', 'checked': True, 'choices': [{'name': 'a1', 'checked': True}]}, {'name': 'b', 'checked': True}]",
                salvo.sequence.expr.PyRepr.str(r.dictionary().get("cs_ch")));
    }

    @Test
    void gitDescribesEveryRepository() throws Exception {
        Path repo = dir.resolve("repo");
        java.nio.file.Files.createDirectories(repo);
        java.nio.file.Files.writeString(repo.resolve("f.txt"), "1");
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", "f.txt");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");
        git(repo, "remote", "add", "origin", "https://example.invalid/repo.git");
        Path tagged = dir.resolve("tagged");
        java.nio.file.Files.createDirectories(tagged);
        java.nio.file.Files.writeString(tagged.resolve("g.txt"), "1");
        git(tagged, "init", "-q");
        git(tagged, "add", "g.txt");
        git(tagged, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");
        git(tagged, "tag", "v1.2");
        Tum.Ran r = run("""
                - git: {name: both, repo: [repo, tagged]}
                - git: {name: none, repo: nowhere}
                """);
        assertEquals(Verdict.PASS, r.row("both").verdict(), r.toString());
        assertTrue(r.row("both").output().contains("repo: branch(main), commit "), r.row("both").output());
        assertTrue(r.row("both").output().contains("from : https://example.invalid/repo.git"), r.row("both").output());
        assertTrue(r.row("both").output().contains("tag v1.2"), "every repository, not the first: " + r.row("both").output());
        assertEquals(Verdict.FAIL, r.row("none").verdict());
        assertTrue(r.row("none").message().startsWith("Warning: "), r.row("none").message());
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    @Test
    void postExecutionAndReports() {
        Tum.write(dir, "post_execution.py", """
                import py_func.tm as tm
                def post_exec():
                    print("all good")
                def post_exec_fail():
                    tm.setgd("post", "failed")
                    print("cleaning up after a failure")
                """);
        Tum.Ran failed = run("""
                - report: {name: r, export: [{json: {file_name: x.json}}]}
                - check: {values: [false]}
                """);
        assertEquals(Verdict.PASS, failed.row("r").verdict(), "without a root report the report item is a no-op");
        assertEquals("failed", failed.dictionary().get("post"));
        assertTrue(failed.log().contains("cleaning up after a failure"), failed.log());
        Tum.Ran reported = Tum.run(Tum.write(dir, "r.tum", """
                report: {export: [{junit: {file_name: "%s/j.xml"}}]}
                post_execution: {file_name: missing.py}
                main: {name: m, steps: []}
                """.formatted(dir)));
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("j.xml")), reported.log());
        assertTrue(reported.log().contains("WARN  post_execution file not found"), reported.log());
    }

    @Test
    void runItemRunsAnotherSequenceInItsOwnProcess() {
        Tum.write(dir, "child.tum", """
                main:
                  name: child
                  steps: [{check: {name: c, values: [false]}}]
                """);
        Tum.Ran r = run("""
                - run: {name: r, tum: child.tum, report_file: "%s/child.xml"}
                """.formatted(dir));
        assertEquals(Verdict.PASS, r.row("r").verdict(), "run PASSes whenever the child ran: " + r);
        assertTrue(r.log().contains("[child.tum] Test run failed."), r.log());
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("child.xml")), "report_file is the child's -p: " + r.log());
    }

    @Test
    void waitForExecWaitsForTheWindowToOpen() {
        java.time.LocalTime before = java.time.LocalTime.now();
        org.junit.jupiter.api.Assumptions.assumeTrue(before.isBefore(java.time.LocalTime.of(23, 59, 50)), "not across midnight");
        java.time.LocalTime start = before.plusSeconds(2).withNano(0);
        Tum.write(dir, "child.tum", "main:\n  name: child\n  steps: [{let: {values: {a: 1}}}]\n");
        Tum.Ran r = run("""
                - run: {name: later, tum: child.tum, start_time: "%s", wait_for_exec: true}
                - run: {name: closed, tum: child.tum, start_time: "%s"}
                """.formatted(start, before.plusHours(1).withSecond(0).withNano(0).toString().substring(0, 5)));
        assertEquals(Verdict.PASS, r.row("later").verdict(), r.toString());
        assertTrue(r.log().contains("is before start_time " + start + "; waiting for the window to open (wait_for_exec)"), r.log());
        assertTrue(r.row("later").duration().compareTo(java.time.Duration.between(before, start).minusMillis(100)) >= 0,
                "it waited for " + start + ": " + r.row("later").duration());
        assertTrue(r.log().contains("[child.tum] Test run success."), r.log());
        org.junit.jupiter.api.Assumptions.assumeTrue(before.getHour() < 23, "start_time an hour later is not tomorrow");
        assertEquals(Verdict.FAIL, r.row("closed").verdict(), r.toString());
    }

    @Test
    void aStopEndsTheWaitForTheWindow() throws Exception {
        java.time.LocalTime later = java.time.LocalTime.now().plusHours(1).withNano(0);
        Path file = Tum.write(dir, "w.tum", """
                main:
                  name: m
                  steps:
                    - run: {name: waits, tum: w.tum, start_time: "%s", end_time: "%s", wait_for_exec: true}
                    - let: {name: cleanup, execute_on_stop: true, values: {done: 1}}
                """.formatted(later, later.plusMinutes(1)));
        StringBuffer log = new StringBuffer();
        List<Row> rows = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SequenceSession s = new SequenceSession(salvo.sequence.load.LoadOptions.of(file), new salvo.execute.RunControl())) {
            assertTrue(s.load().ok());
            Thread stopper = new Thread(() -> {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!log.toString().contains("waiting for the window") && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(20); // polling the log, with a deadline
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                s.stop();
            });
            stopper.start();
            long t0 = System.nanoTime();
            s.run(line -> log.append(line).append('\n'), rows::add);
            stopper.join();
            assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the stop ended the wait");
        }
        Row waits = rows.stream().filter(x -> x.node().name().equals("waits")).findFirst().orElseThrow();
        assertEquals(Verdict.FAIL, waits.verdict(), log.toString());
        assertTrue(waits.message().startsWith("run: stopped while waiting for the window to open"), waits.message());
        assertTrue(rows.stream().anyMatch(x -> x.node().name().equals("cleanup") && x.verdict() == Verdict.PASS), log.toString());
    }
}
