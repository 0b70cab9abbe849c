package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import salvo.testing.NoLeftoverProcesses;

/**
 * What the one core gives every adapter and every isolation mode, end to end on real
 * processes: a journal that survives SIGKILL, retries and stop-on-failure as policies, and
 * commands running beside pytest files in one run.
 */
class CoreReshapeTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    /** A test that fails on its first run and passes on its second, by a file it leaves behind. */
    private void flakyTest(String file) {
        Salvo.write(dir, file, String.join("\n",
                "import os",
                "def test_steady():",
                "    pass",
                "def test_second_time_lucky():",
                "    marker = os.path.join(os.path.dirname(__file__), 'tried-once-' + os.path.basename(__file__))",
                "    if not os.path.exists(marker):",
                "        open(marker, 'w').close()",
                "        assert False, 'first attempt fails'",
                ""));
    }

    @Test
    void killingSalvoMidRunLeavesAnIncompleteRunWithEveryFinishedTest() throws Exception {
        for (int f = 0; f < 3; f++) {
            StringBuilder tests = new StringBuilder("import time, os\n");
            for (int t = 0; t < 4; t++) {
                tests.append("def test_quick_").append(t).append("():\n    pass\n");
            }
            tests.append("def test_slow():\n    open(os.path.join(os.path.dirname(__file__), 'started-")
                    .append(f).append("'), 'w').close()\n    time.sleep(60)\n");
            Salvo.write(dir, "test_part" + f + ".py", tests.toString());
        }
        Process salvo = Salvo.start(dir, Map.of(), "run", "--isolation", "persistent", "-w", "2");
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!(Files.exists(dir.resolve("started-0")) || Files.exists(dir.resolve("started-1"))
                    || Files.exists(dir.resolve("started-2")))) {
                assertTrue(System.currentTimeMillis() < deadline, "no slow test started within 60 s");
                Thread.sleep(100);
            }
            Thread.sleep(500); // the journal writes within 100 ms of a result
            new ProcessBuilder("kill", "-KILL", String.valueOf(salvo.pid())).start().waitFor();
            salvo.waitFor();
        } finally {
            salvo.descendants().forEach(ProcessHandle::destroyForcibly);
            salvo.destroyForcibly();
        }
        // Its workers notice their channel closed and exit on their own; kill what remains so the check is fair.
        Thread.sleep(1000);
        Salvo.Result history = Salvo.run(dir, "history");
        assertEquals(0, history.exit(), history.toString());
        assertTrue(history.out().contains("! incomplete"), history.out());
        Salvo.Result report = Salvo.run(dir, "report");
        assertEquals(0, report.exit(), report.toString());
        Path md;
        try (var files = Files.list(dir.resolve(".salvo/reports"))) {
            md = files.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        String text = Files.readString(md);
        assertTrue(text.contains("INCOMPLETE"), text);
        long quick = text.lines().filter(l -> l.contains("test_quick_") && l.contains("PASSED")).count();
        assertTrue(quick >= 4, "the quick tests that finished before the kill are stored as PASSED:\n" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"persistent", "fork"})
    void retriesRunOnlyTheFailedTestAgainAndMarkItFlaky(String isolation) throws IOException {
        flakyTest("test_flaky.py");
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "-w", "2", "-r", "2");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("RETRY    test_flaky.py"), r.out());
        assertTrue(r.out().contains("FLAKY    test_flaky.py"), r.out());
        String last = Files.readString(dir.resolve(".salvo/last_run.json"));
        assertTrue(last.matches("(?s).*\"id\" ?: ?\"test_flaky.py::test_second_time_lucky\".*?\"outcome\" ?: ?\"FLAKY\".*"), last);
        assertTrue(last.matches("(?s).*\"id\" ?: ?\"test_flaky.py::test_steady\".*?\"outcome\" ?: ?\"PASSED\".*?\"attempt\" ?: ?1.*"),
                "the passing test is not run again: " + last);
    }

    @ParameterizedTest
    @ValueSource(strings = {"persistent", "fork"})
    void stopOnFailureHandsOutNothingAfterTheFirstFailure(String isolation) throws IOException {
        for (int i = 0; i < 6; i++) {
            Salvo.write(dir, "test_f" + i + ".py", "import time\ndef test_x():\n    time.sleep(0.3)\n    assert False\n");
        }
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "-w", "1", "-s");
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("FAILED ")).count(), r.out());
        assertTrue(r.out().contains("stopped at the first failure"), r.out());
        assertTrue(Files.readString(dir.resolve(".salvo/last_run.json")).contains("STOPPED_ON_FAILURE"));
    }

    @Test
    void commandsRunBesidePytestFilesInOneRunAndOneHistory() throws IOException {
        Salvo.write(dir, "test_py.py", "def test_ok():\n    pass\n");
        Salvo.write(dir, "salvo.yaml", String.join("\n",
                "commands:",
                "  - name: lint",
                "    run: echo linting; exit 0",
                "  - name: typecheck",
                "    run: \"echo 'error: bad type' >&2; exit 2\"",
                ""));
        Salvo.Result r = Salvo.run(dir, "run", "--command", "adhoc=echo hi");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("PASSED   test_py.py"), r.out());
        assertTrue(r.out().contains("PASSED   command:lint"), r.out());
        assertTrue(r.out().contains("PASSED   command:adhoc"), r.out());
        assertTrue(r.out().contains("FAILED   command:typecheck"), r.out());
        Salvo.Result history = Salvo.run(dir, "history");
        assertTrue(history.out().contains("#1"), history.out());
        Salvo.Result onlyLint = Salvo.run(dir, "run", "lint");
        assertEquals(0, onlyLint.exit(), onlyLint.toString());
        assertTrue(onlyLint.out().contains("command:lint") && !onlyLint.out().contains("test_py.py")
                && !onlyLint.out().contains("typecheck"), "a command's name as a path runs that command only: " + onlyLint.out());
        Salvo.Result compare = Salvo.run(dir, "compare");
        assertEquals(0, compare.exit(), compare.toString());
    }

    @Test
    void aCommandThatIsNotFoundIsAOneLineErrorBeforeAnythingRuns() {
        Salvo.write(dir, "salvo.yaml", "commands:\n  - name: go\n    run: no-such-program-xyz test ./...\n");
        Salvo.Result r = Salvo.run(dir, "run");
        assertEquals(4, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("salvo.yaml:3:") && r.err().contains("no-such-program-xyz"), r.err());
    }
}
