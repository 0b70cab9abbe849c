package salvo.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import salvo.model.WorkerRef;
import salvo.event.RunEvents;
import salvo.execute.PlannedUnit;
import salvo.worker.LocalTransport;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;
import salvo.event.RunEvent;
import salvo.event.TestFinished;
import salvo.event.TestStarted;
import salvo.execute.RunControl;
import salvo.execute.WorkerContext;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/** Runs the real suite files under real pytest and checks what Salvo records for each situation. */
class PytestFileRunnerTest {
    private static Path plugin;

    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void installPlugin() {
        plugin = PythonPlugin.install();
    }

    @BeforeEach
    void copySuite() {
        PySuite.copyTo(dir);
    }


    private UnitResult run(String file) {
        return run(file, options(Duration.ofSeconds(60), Duration.ZERO, ""));
    }

    private UnitResult run(String file, PytestOptions options) {
        PytestFileRunner runner = new PytestFileRunner(options, new PytestPlaces(dir, dir), PluginEnvironment.of(plugin),
                new LocalTransport());
        return runner.run(PlannedUnit.whole(new TestUnit(file, dir.resolve(file), "pytest")),
                new WorkerContext(WorkerRef.local("gw1"), new RunEvents("run", events::add), new RunControl()));
    }

    private static PytestOptions options(Duration fileTimeout, Duration testTimeout, String markers) {
        return new PytestOptions("python3", markers, fileTimeout, testTimeout, Duration.ofSeconds(2), false, false);
    }

    private static TestResult test(UnitResult unit, String name) {
        return unit.tests().stream().filter(t -> t.testId().endsWith("::" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + name + " in " + unit.tests()));
    }

    @Test
    void passingFileRecordsEachTest() {
        UnitResult unit = run("test_pass.py");
        assertEquals(Outcome.PASSED, unit.outcome());
        assertEquals(2, unit.tests().size());
        assertNull(unit.failure());
        assertTrue(test(unit, "test_two").output().contains("hello from test_two"), "captured output is kept");
        assertEquals(2, events.stream().filter(e -> e instanceof TestStarted).count());
        assertEquals(2, events.stream().filter(e -> e instanceof TestFinished).count());
    }

    @Test
    void failuresAreClassifiedPerTest() {
        UnitResult unit = run("test_fail.py");
        assertEquals(Outcome.FAILED, unit.outcome());
        assertEquals(Outcome.PASSED, test(unit, "test_ok").outcome());
        TestResult sum = test(unit, "test_bad_sum");
        assertEquals(Outcome.FAILED, sum.outcome());
        assertEquals(FailureKind.ASSERTION, sum.failure().kind());
        assertEquals("AssertionError: assert (1 + 1) == 3", sum.failure().message());
        assertTrue(sum.failure().detail().contains("def test_bad_sum"), sum.failure().detail());
        TestResult raises = test(unit, "test_raises");
        assertEquals(FailureKind.OTHER, raises.failure().kind());
        assertEquals("ValueError: the value was wrong", raises.failure().message());
        assertTrue(unit.reason().contains("test_bad_sum"), unit.reason());
    }

    @Test
    void skipsAndExpectedFailures() {
        UnitResult unit = run("test_skip.py");
        assertEquals(Outcome.PASSED, unit.outcome());
        assertEquals(Outcome.SKIPPED, test(unit, "test_skipped").outcome());
        assertEquals(Outcome.SKIPPED, test(unit, "test_skip_inside").outcome());
        assertEquals(Outcome.XFAILED, test(unit, "test_xfail").outcome());
        assertEquals(Outcome.XPASSED, test(unit, "test_xpass").outcome());
    }

    @Test
    void collectionErrorIsOneLine() {
        UnitResult unit = run("test_collect_error.py");
        assertEquals(Outcome.ERROR, unit.outcome());
        assertEquals(FailureKind.COLLECTION, unit.failure().kind());
        assertEquals("NameError: name 'undefined_name_at_import_time' is not defined", unit.failure().message());
        assertTrue(unit.tests().isEmpty());
    }

    @Test
    void importError() {
        UnitResult unit = run("test_import_error.py");
        assertEquals(Outcome.ERROR, unit.outcome());
        assertEquals(FailureKind.IMPORT, unit.failure().kind());
        assertEquals("ModuleNotFoundError: No module named 'salvo_no_such_module_xyz'", unit.failure().message());
    }

    @Test
    void syntaxError() {
        UnitResult unit = run("test_syntax_error.py");
        assertEquals(Outcome.ERROR, unit.outcome());
        assertEquals(FailureKind.SYNTAX, unit.failure().kind());
        assertTrue(unit.failure().message().startsWith("SyntaxError:"), unit.failure().message());
        assertTrue(unit.failure().message().contains("line 1"), unit.failure().message());
    }

    @Test
    void fixtureErrors() {
        UnitResult unit = run("test_fixture_error.py");
        assertEquals(Outcome.ERROR, unit.outcome());
        TestResult broken = test(unit, "test_uses_broken_fixture");
        assertEquals(Outcome.ERROR, broken.outcome());
        assertEquals(FailureKind.FIXTURE, broken.failure().kind());
        assertEquals("ConnectionError: database is down", broken.failure().message());
        TestResult missing = test(unit, "test_uses_missing_fixture");
        assertEquals(FailureKind.FIXTURE, missing.failure().kind());
        assertEquals("fixture 'no_such_fixture' not found", missing.failure().message());
    }

    @Test
    void perTestTimeoutFailsOnlyThatTest() {
        UnitResult unit = run("test_hang_test.py", options(Duration.ofSeconds(60), Duration.ofSeconds(1), ""));
        TestResult hung = test(unit, "test_hangs");
        assertEquals(Outcome.TIMEOUT, hung.outcome());
        assertEquals(FailureKind.TIMEOUT, hung.failure().kind());
        assertTrue(hung.failure().message().contains("per-test timeout of 1s"), hung.failure().message());
        assertTrue(hung.failure().detail().contains("time.sleep(60)"), "detail shows where it hung");
        assertEquals(Outcome.PASSED, test(unit, "test_after_the_hang").outcome(), "the rest of the file still runs");
        assertEquals(Outcome.TIMEOUT, unit.outcome());
        assertTrue(unit.duration().toSeconds() < 30);
    }

    @Test
    void perFileTimeoutKillsTheTreeAndNamesTheTest() {
        UnitResult unit = run("test_hang_file.py", options(Duration.ofSeconds(3), Duration.ZERO, ""));
        assertEquals(Outcome.TIMEOUT, unit.outcome());
        assertEquals(FailureKind.TIMEOUT, unit.failure().kind());
        assertTrue(unit.failure().message().contains("3s timeout in test_sleeps_forever"), unit.failure().message());
        assertEquals(Outcome.TIMEOUT, test(unit, "test_sleeps_forever").outcome());
    }

    @Test
    void osExitIsACrashOfTheRunningTest() {
        UnitResult unit = run("test_crash_exit.py");
        assertEquals(Outcome.CRASHED, unit.outcome());
        assertEquals(Outcome.PASSED, test(unit, "test_before").outcome(), "results before the crash are kept");
        TestResult crashed = test(unit, "test_exits");
        assertEquals(Outcome.CRASHED, crashed.outcome());
        assertEquals(FailureKind.CRASH, crashed.failure().kind());
        assertEquals("process exited with code 3 during test_exits", crashed.failure().message());
    }

    @Test
    void segfaultIsACrashWithTheFaultTraceback() {
        UnitResult unit = run("test_crash_segfault.py");
        assertEquals(Outcome.CRASHED, unit.outcome());
        TestResult crashed = test(unit, "test_segfault");
        assertEquals("process was killed by SIGSEGV during test_segfault", crashed.failure().message());
        assertTrue(crashed.failure().detail().contains("Segmentation fault"), crashed.failure().detail());
    }

    @Test
    void lingeringThreadIsNamedNotABareTimeout() {
        UnitResult unit = run("test_thread_alive.py");
        assertEquals(Outcome.ERROR, unit.outcome());
        assertEquals(FailureKind.HANG, unit.failure().kind());
        String message = unit.failure().message();
        assertTrue(message.contains("non-daemon thread 'poller' (poll_forever (test_thread_alive.py:5)"), message);
        assertEquals(Outcome.PASSED, test(unit, "test_starts_a_thread").outcome());
        assertTrue(unit.duration().toSeconds() < 20, "killed after the grace period, not the file timeout");
    }

    @Test
    void hugeOutputIsCappedAndDoesNotBlock() {
        UnitResult unit = run("test_huge_output.py");
        TestResult t = test(unit, "test_prints_30mb");
        assertEquals(Outcome.FAILED, t.outcome());
        assertTrue(t.output().length() <= TestResult.MAX_OUTPUT + 200, "output capped: " + t.output().length());
        assertTrue(t.output().contains("characters cut"));
        assertEquals("AssertionError: failed after printing a lot", t.failure().message());
    }

    @Test
    void invalidUtf8OutputSurvives() {
        UnitResult unit = run("test_binary_output.py");
        TestResult t = test(unit, "test_writes_invalid_utf8");
        assertEquals(Outcome.FAILED, t.outcome());
        assertTrue(t.output().contains("bad bytes:") && t.output().contains("end"), t.output());
        assertTrue(t.output().contains("more ") && t.output().contains(" here"), t.output());
    }

    @Test
    void integrationMarkedFileIsDeselectedByTheDefaultMarker() {
        UnitResult deselected = run("test_integration.py", options(Duration.ofSeconds(60), Duration.ZERO, "not integration"));
        assertEquals(Outcome.SKIPPED, deselected.outcome());
        assertTrue(deselected.tests().isEmpty());
        UnitResult all = run("test_integration.py", options(Duration.ofSeconds(60), Duration.ZERO, ""));
        assertEquals(Outcome.PASSED, all.outcome());
        assertEquals(1, all.tests().size());
    }

    @Test
    void interruptKillsTheProcessAndKeepsFinishedTests() throws InterruptedException {
        RunControl control = new RunControl();
        PytestFileRunner runner = new PytestFileRunner(options(Duration.ofSeconds(60), Duration.ZERO, ""), new PytestPlaces(dir, dir),
                PluginEnvironment.of(plugin),
                new LocalTransport());
        Thread stopper = new Thread(() -> {
            while (events.stream().noneMatch(e -> e instanceof TestStarted s && s.node().id().endsWith("test_sleeps_forever"))) {
                Thread.onSpinWait();
            }
            control.interrupt();
        });
        stopper.start();
        UnitResult unit = runner.run(PlannedUnit.whole(new TestUnit("test_hang_file.py", dir.resolve("test_hang_file.py"), "pytest")),
                new WorkerContext(WorkerRef.local("gw1"), new RunEvents("run", events::add), control));
        stopper.join(5000);
        assertEquals(Outcome.SKIPPED, unit.outcome());
        assertNotNull(unit.failure());
        assertTrue(unit.failure().message().startsWith("interrupted"));
        assertFalse(unit.duration().toSeconds() > 20);
    }
}
