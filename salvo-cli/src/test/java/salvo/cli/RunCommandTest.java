package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;
import org.w3c.dom.Document;

/** `salvo run` end to end: a real JVM running real pytest on small suites written by each test. */
class RunCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);


    private void mixedSuite() {
        Salvo.write(dir, "tests/test_ok.py", "def test_a():\n    assert True\n\ndef test_b():\n    assert 2 > 1\n");
        Salvo.write(dir, "tests/test_bad.py", "def test_sum():\n    assert 1 + 1 == 3\n");
        Salvo.write(dir, "tests/test_broken_import.py", "import no_such_module_abc\n\ndef test_x():\n    pass\n");
        Salvo.write(dir, "tests/test_integration.py",
                "import pytest\npytestmark = pytest.mark.integration\n\ndef test_db():\n    assert True\n");
        Salvo.write(dir, "pytest.ini", "[pytest]\nmarkers =\n    integration: live services\n");
    }

    @Test
    void runsEachFileRecordsTheRunAndSummarisesFailures() throws IOException {
        mixedSuite();
        Salvo.Result r = Salvo.run(dir, "run", "-w", "2");
        assertEquals(1, r.exit(), r.toString());
        assertFalse(r.out().contains("\u001b["), "no escape codes when not a terminal");
        assertTrue(r.out().contains("PASSED   tests/test_ok.py  2 passed"), r.out());
        assertTrue(r.out().contains("FAILED   tests/test_bad.py"), r.out());
        assertTrue(r.out().contains("SKIPPED  tests/test_integration.py  no tests"), r.out());
        assertTrue(r.out().contains("ERROR    tests/test_broken_import.py  [IMPORT] ModuleNotFoundError: No module named 'no_such_module_abc'"), r.out());
        assertTrue(r.out().contains("Failures"), r.out());
        assertTrue(r.out().contains("test_sum: AssertionError: assert (1 + 1) == 3"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve(".salvo/salvo.db")));
        String last = Files.readString(dir.resolve(".salvo/last_run.json"));
        assertTrue(last.contains("COMPLETED") && last.contains("tests/test_bad.py::test_sum"), last);
        try (Stream<Path> runs = Files.list(dir.resolve(".salvo/runs"))) {
            assertEquals(1, runs.filter(p -> p.getFileName().toString().matches("run_\\d{8}_\\d{6}_\\d{3}\\.json")).count());
        }
    }

    @Test
    void secondRunSaysWhatChangedAndQueriesReadTheStore() throws Exception {
        mixedSuite();
        assertEquals(1, Salvo.run(dir, "run").exit());
        Salvo.write(dir, "tests/test_bad.py", "def test_sum():\n    assert 1 + 1 == 2\n");
        Salvo.write(dir, "tests/test_new.py", "def test_new():\n    assert False, 'brand new failure'\n");
        Salvo.Result second = Salvo.run(dir, "run", "--junit-xml", "out/junit.xml");
        assertEquals(1, second.exit(), second.toString());
        assertTrue(second.out().contains("vs run #1: 1 new failure, 1 fixed, 1 still failing, 1 file added, 0 gone"),
                second.out());

        Salvo.Result compare = Salvo.run(dir, "compare");
        assertEquals(0, compare.exit(), compare.toString());
        assertTrue(compare.out().contains("tests/test_new.py"), compare.out());

        Salvo.Result history = Salvo.run(dir, "history", "-n", "5");
        assertEquals(0, history.exit(), history.toString());
        assertTrue(history.out().contains("#1") && history.out().contains("#2"), history.out());

        Salvo.Result report = Salvo.run(dir, "report");
        assertEquals(0, report.exit(), report.toString());
        try (Stream<Path> reports = Files.list(dir.resolve(".salvo/reports"))) {
            Path md = reports.filter(p -> p.getFileName().toString().startsWith("test_report_")).findFirst().orElseThrow();
            assertTrue(Files.readString(md).contains("brand new failure"));
        }

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("out/junit.xml").toFile());
        assertEquals(1, xml.getElementsByTagName("failure").getLength());
        assertTrue(xml.getElementsByTagName("testcase").getLength() >= 4);
    }

    @Test
    void filesThatCannotBeWrittenCostNeitherTheStoreNorTheSummaryAndTheExitSaysSo() throws IOException {
        Salvo.write(dir, "test_ok.py", "def test_a():\n    pass\n");
        Salvo.write(dir, ".salvo/runs", "a file where the archive's folder belongs");
        Salvo.write(dir, "out", "a file where the report's folder belongs");

        Salvo.Result r = Salvo.run(dir, "run", "--junit-xml", "out/junit.xml");

        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.out().contains("tests: 1 passed"), r.out());
        assertTrue(r.err().contains("salvo: the run could not be archived as JSON: could not create the directory "), r.err());
        assertTrue(r.err().contains("salvo: --junit-xml out/junit.xml: "), r.err());
        Salvo.Result history = Salvo.run(dir, "history", "-n", "5");
        assertEquals(0, history.exit(), history.toString());
        assertTrue(history.out().contains("#1"), history.out());
        try (var left = Files.list(dir.resolve(".salvo"))) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void allPassingIsZeroAndNothingSelectedIsFive() {
        Salvo.write(dir, "test_ok.py", "def test_a():\n    pass\n");
        assertEquals(0, Salvo.run(dir, "run").exit());
        assertEquals(5, Salvo.run(dir, "run", "-m", "no_such_marker").exit());
        Path empty = dir.resolve("empty");
        Salvo.write(empty, "README", "no tests here");
        Salvo.Result none = Salvo.run(empty, "run");
        assertEquals(5, none.exit(), none.toString());
        assertTrue(none.err().contains("no test files found"), none.err());
    }

    @Test
    void retriesTurnAFailThenPassIntoFlaky() throws IOException {
        Salvo.write(dir, "test_flaky.py", String.join("\n",
                "import os",
                "def test_second_time_lucky():",
                "    marker = os.path.join(os.path.dirname(__file__), 'tried-once')",
                "    if not os.path.exists(marker):",
                "        open(marker, 'w').close()",
                "        assert False, 'first attempt fails'",
                ""));
        Salvo.Result r = Salvo.run(dir, "run", "-r", "2");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("RETRY    test_flaky.py"), r.out());
        assertTrue(r.out().contains("FLAKY    test_flaky.py"), r.out());
        String last = Files.readString(dir.resolve(".salvo/last_run.json"));
        assertTrue(last.contains("FLAKY"), last);
    }

    @Test
    void stopOnFirstFailureRunsNothingAfterIt() throws IOException {
        for (int i = 0; i < 4; i++) {
            Salvo.write(dir, "test_f" + i + ".py", "def test_x():\n    assert False\n");
        }
        // A process per file, as seed 000: files one at a time, so nothing runs after the first failure.
        Salvo.Result r = Salvo.run(dir, "run", "-s", "--isolation", "fresh");
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("FAILED ")).count(), r.out());
        assertTrue(r.out().contains("stopped at the first failure"), r.out());
        assertTrue(Files.readString(dir.resolve(".salvo/last_run.json")).contains("STOPPED_ON_FAILURE"));
        // Workers (the default), as xdist's -x: no new work after the failure; what runs may finish.
        Salvo.Result workers = Salvo.run(dir, "run", "-s", "-w", "2");
        assertEquals(1, workers.exit(), workers.toString());
        long failed = workers.out().lines().filter(l -> l.startsWith("FAILED ")).count();
        assertTrue(failed >= 1 && failed <= 2, "at most one file per worker: " + workers.out());
        assertTrue(workers.out().contains("stopped at the first failure"), workers.out());
    }

    @Test
    void listsFilesAndTestsWithoutRunning() {
        mixedSuite();
        Salvo.Result files = Salvo.run(dir, "run", "-l", "-x", "test_bad.py");
        assertEquals(0, files.exit(), files.toString());
        assertTrue(files.out().contains("tests/test_ok.py"));
        assertFalse(files.out().contains("tests/test_bad.py"), "excluded");
        Salvo.Result tests = Salvo.run(dir, "run", "-l", "-v", "tests/test_ok.py");
        assertTrue(tests.out().contains("tests/test_ok.py (2)") && tests.out().contains("  test_b"), tests.out());
        assertFalse(Files.exists(dir.resolve(".salvo/last_run.json")), "listing runs nothing");
    }

    @Test
    void verboseStreamsOutputWithTheWorkerName() {
        Salvo.write(dir, "test_ok.py", "def test_a():\n    pass\n");
        Salvo.Result r = Salvo.run(dir, "run", "-v");
        assertTrue(r.out().contains("[gw1] test_ok.py::test_a PASSED"), r.out());
    }

    @Test
    void ctrlCKillsChildrenAndKeepsWhatFinished() throws Exception {
        Salvo.write(dir, "test_quick.py", "def test_a():\n    pass\n");
        Salvo.write(dir, "test_slow.py", String.join("\n",
                "import os, subprocess, sys, time",
                "def test_hang():",
                "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])",
                "    open(os.path.join(os.path.dirname(__file__), 'started'), 'w').close()",
                "    time.sleep(600)",
                ""));
        // Salvo's own temporary directory, to see that a halted Salvo leaves nothing there (sqlite-jdbc's library).
        Path tmp = Files.createDirectories(dir.resolve("jvm-tmp"));
        Salvo.Result r = Salvo.interruptOnce(dir, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp), "started", () -> {
            assertFalse(NoLeftoverProcesses.in(dir).isEmpty(), "the check sees the running test processes");
            sleep(1000);
        }, "run", "-w", "2");
        assertEquals(2, r.exit(), r.toString());
        String last = Files.readString(dir.resolve(".salvo/last_run.json"));
        assertTrue(last.contains("INTERRUPTED"), last);
        assertTrue(last.contains("test_quick.py::test_a"), "finished work is kept: " + last);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void corruptStoreIsRefusedAndLeftUntouched() throws IOException {
        Salvo.write(dir, "test_ok.py", "def test_a():\n    pass\n");
        Salvo.write(dir, ".salvo/salvo.db", "this is not a database, but someone's precious data\n");
        byte[] before = Files.readAllBytes(dir.resolve(".salvo/salvo.db"));
        Salvo.Result r = Salvo.run(dir, "run");
        assertEquals(4, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains("salvo.db") && r.err().contains("move it aside"), r.err());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(".salvo/salvo.db")));
    }
}
