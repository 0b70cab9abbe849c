package salvo.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;
import salvo.execute.SupervisedProcess;

/** The pure rules that turn what pytest said and how its process ended into a file's result. */
class VerdictTest {
    private static final TestUnit UNIT = new TestUnit("t.py", Path.of("t.py"), "pytest");
    private static final PytestOptions OPTIONS = new PytestOptions("python3", "", Duration.ofSeconds(300),
            Duration.ZERO, Duration.ofSeconds(5), false, false);

    private static TestResult passed(String name) {
        return new TestResult(PytestIds.node("t.py::" + name), Outcome.PASSED, Duration.ofMillis(1), null, "", 1);
    }

    private static AttemptLog.Snapshot log(Optional<String> running, boolean finished, TestResult... done) {
        return new AttemptLog.Snapshot(true, List.of(), 0, List.of(), running, List.of(done), finished,
                finished ? 0 : -1, List.of(), 0);
    }

    private static UnitResult decide(AttemptLog.Snapshot log, SupervisedProcess.End end) {
        return Verdict.decide(UNIT, 1, WorkerRef.local("gw1"), Duration.ofSeconds(1), OPTIONS, log, end);
    }

    @Test
    void cleanExitTakesTheTestsOutcome() {
        UnitResult r = decide(log(Optional.empty(), true, passed("a")), new SupervisedProcess.End(SupervisedProcess.How.EXITED, 0, ""));
        assertEquals(Outcome.PASSED, r.outcome());
    }

    @Test
    void signalDuringATestIsACrashNamingTheSignalAndTheTest() {
        UnitResult r = decide(log(Optional.of("t.py::boom"), false, passed("a")),
                new SupervisedProcess.End(SupervisedProcess.How.EXITED, 128 + 9, "Killed"));
        assertEquals(Outcome.CRASHED, r.outcome());
        assertEquals("process was killed by SIGKILL (out of memory, or killed from outside) during boom",
                r.failure().message());
        assertEquals(2, r.tests().size());
        assertEquals(Outcome.CRASHED, r.tests().get(1).outcome());
    }

    @Test
    void deathOutsideAnyTestIsStillACrash() {
        UnitResult r = decide(log(Optional.empty(), false, passed("a")), new SupervisedProcess.End(SupervisedProcess.How.EXITED, 1, ""));
        assertEquals(Outcome.CRASHED, r.outcome());
        assertEquals("process exited with code 1 between tests", r.failure().message());
    }

    @Test
    void pytestThatNeverConnectedIsAnErrorWithItsLastWords() {
        AttemptLog.Snapshot none = new AttemptLog.Snapshot(false, null, 0, List.of(), Optional.empty(), List.of(),
                false, -1, List.of(), 0);
        UnitResult r = decide(none, new SupervisedProcess.End(SupervisedProcess.How.EXITED, 4,
                "ImportError while loading conftest '/x/conftest.py'.\nE   ModuleNotFoundError: No module named 'zzz'\n"));
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(FailureKind.IMPORT, r.failure().kind());
        assertEquals("pytest did not start: ModuleNotFoundError: No module named 'zzz'", r.failure().message());
    }

    @Test
    void lingeringWithThreadsNamesThem() {
        AttemptLog.Snapshot log = new AttemptLog.Snapshot(true, List.of("t.py::a"), 0, List.of(), Optional.empty(),
                List.of(passed("a")), true, 0,
                List.of(new salvo.worker.WireMessage.Lingering("poller", "poll (t.py:3)", "t.py:5")), 0);
        UnitResult r = decide(log, new SupervisedProcess.End(SupervisedProcess.How.LINGERED, -1, ""));
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(FailureKind.HANG, r.failure().kind());
        assertTrue(r.failure().message().contains("'poller' (poll (t.py:3), now at t.py:5)"), r.failure().message());
    }

    @Test
    void severalCollectionErrorsAreOneLineWithACount() {
        AttemptLog.Snapshot log = new AttemptLog.Snapshot(true, List.of(), 0, List.of(
                new AttemptLog.CollectError("t.py", Failure.of(FailureKind.SYNTAX, "SyntaxError: bad")),
                new AttemptLog.CollectError("u.py", Failure.of(FailureKind.IMPORT, "ImportError: x"))),
                Optional.empty(), List.of(), true, 2, List.of(), 0);
        UnitResult r = decide(log, new SupervisedProcess.End(SupervisedProcess.How.EXITED, 2, ""));
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(FailureKind.SYNTAX, r.failure().kind());
        assertEquals("SyntaxError: bad (and 1 more)", r.failure().message());
    }

    @Test
    void pytestUsageErrorIsNotMistakenForNoTests() {
        AttemptLog.Snapshot log = new AttemptLog.Snapshot(true, List.of(), 0, List.of(), Optional.empty(), List.of(),
                true, 4, List.of(), 0);
        UnitResult r = decide(log, new SupervisedProcess.End(SupervisedProcess.How.EXITED, 4, "ERROR: unrecognized arguments: --bogus"));
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals("pytest stopped with a usage error: ERROR: unrecognized arguments: --bogus", r.failure().message());
    }

    @Test
    void allSkippedIsSkippedAndNothingSelectedIsSkipped() {
        TestResult skipped = new TestResult(PytestIds.node("t.py::s"), Outcome.SKIPPED, Duration.ZERO, null, "", 1);
        assertEquals(Outcome.SKIPPED, UnitResult.outcomeOf(List.of(skipped)));
        assertEquals(Outcome.SKIPPED, UnitResult.outcomeOf(List.of()));
        assertEquals(Outcome.PASSED, UnitResult.outcomeOf(List.of(skipped, passed("a"))));
    }
}
