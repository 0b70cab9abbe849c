package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;

/** `salvo seq run` in a JVM of its own, as a user runs it: exit statuses, the log file, colour, Ctrl-C. */
class SeqRunCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SequenceMain.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("NO_COLOR");
        return pb.start();
    }

    private Tum.Cli finish(Process p) throws Exception {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("seq run did not end");
        }
        return new Tum.Cli(p.exitValue(), out.get(10, TimeUnit.SECONDS), "");
    }

    private Tum.Cli seqRun(String text, String... args) throws Exception {
        Tum.write(dir, "t.tum", text);
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.add("t.tum");
        return finish(start(all.toArray(String[]::new)));
    }

    @Test
    void passedIsZeroAndTheLogFileHasEveryLine() throws Exception {
        Tum.Cli r = seqRun("main: {name: ok, steps: [{let: {values: {a: 1}}}]}\n", "-b", "-l", "run.log");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Test run success."), r.toString());
        assertFalse(r.out().contains("\u001b["), "no colour without a terminal");
        String log = Files.readString(dir.resolve("run.log"));
        assertTrue(log.contains("global value \"a\" set to \"1\"") && log.contains("Test run success."), log);
    }

    @Test
    void offATerminalWithoutDashBItRunsAsBatchAndSaysSoOnce() throws Exception {
        Tum.Cli r = seqRun("main: {name: d, steps: [{dialog_question: {name: q, question: go?, auto_result: yes}}]}\n");
        assertEquals(0, r.exit(), "the auto_result answered: " + r);
        // stderr is merged into out here.
        assertEquals(List.of("salvo: no operator view (stdin or stdout is not a terminal): running in batch mode, "
                + "dialogs answer from auto_result"), r.out().lines().filter(l -> l.contains("operator")).toList(),
                r.toString());
        assertTrue(r.out().contains("Test run success."), r.toString());
    }

    @Test
    void failedIsOne() throws Exception {
        Tum.Cli r = seqRun("main: {name: bad, steps: [{check: {values: [false]}}]}\n", "-b", "-o");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("Test run failed."), r.toString());
    }

    @Test
    void aLoadErrorIsFourAndNothingRuns() throws Exception {
        Tum.Cli r = seqRun("""
                main:
                  name: x
                  steps:
                    - let: {values: {ran: 1}}
                    - sleep: {}
                """, "-b");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.out().contains("t.tum:5:7: error: item 'sleep': required parameter 'timeout' is missing"), r.toString());
        assertFalse(r.out().contains("global value"), "nothing ran: " + r);
    }

    @Test
    void definesAndConfigsFromTheCommandLine() throws Exception {
        Tum.write(dir, "c.yaml", "speed: 5\n");
        Tum.Cli r = seqRun("main: {name: d, steps: [{check: {values: [\"<| $(speed) == 5 and $(flag) |>\"]}}]}\n",
                "-b", "-c", "c.yaml", "-d", "flag");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void dashIAddsPythonPaths() throws Exception {
        Tum.write(dir, "libs/helpers_mod.py", "def answer():\n    return 42\n");
        Tum.write(dir, "use.py", "import helpers_mod\ndef get():\n    return helpers_mod.answer()\n");
        Tum.Cli r = seqRun("main: {name: i, steps: [{py_func: {file: use.py, func_name: get, expected_result: 42}}, "
                + "{check: {values: [\"<| __import__('helpers_mod').answer() == 42 |>\"]}}]}\n", "-b", "-o", "-i", "libs");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void ctrlCStopsRunsCleanupAndExitsTwo() throws Exception {
        Tum.write(dir, "t.tum", """
                main:
                  name: stoppable
                  steps:
                    - let: {values: {started: 1}}
                    - py_func: {name: marker, file: mark.py, func_name: mark}
                    - sleep: {name: long, timeout: 60}
                    - let: {name: cleanup, execute_on_stop: true, values: {cleaned: 1}}
                """);
        Tum.write(dir, "mark.py", "import os\ndef mark():\n    open(os.path.join(os.getcwd(), 'started'), 'w').close()\n");
        Process p = start("run", "-b", "-o", "t.tum");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(dir.resolve("started"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the sequence never started");
            Thread.sleep(50);
        }
        Thread.sleep(300);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        Tum.Cli r = finish(p);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.out().contains("Sleep aborted on stop request"), r.toString());
        assertTrue(r.out().contains("global value \"cleaned\" set to \"1\""), "cleanup ran: " + r);
    }
}
