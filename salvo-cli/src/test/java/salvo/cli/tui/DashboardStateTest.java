package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.cli.tui.RunScript.T0;
import static salvo.cli.tui.RunScript.failed;
import static salvo.cli.tui.RunScript.finished;
import static salvo.cli.tui.RunScript.passed;
import static salvo.cli.tui.RunScript.started;
import static salvo.cli.tui.RunScript.testStarted;
import static salvo.cli.tui.RunScript.unitError;
import static salvo.cli.tui.RunScript.unitFinished;
import static salvo.cli.tui.RunScript.unitStarted;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import salvo.cli.progress.Eta;
import salvo.event.OutputChunk;
import salvo.event.RunStarted;
import salvo.event.WorkerLost;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunStatus;
import salvo.model.TestResult;

class DashboardStateTest {

    @Test
    void aRoundOfTheWatchSaysWhichRoundItIs() {
        RunStarted plain = started(1, null, "a.py");
        assertEquals("20261123_101502_123", RunScript.fold(plain).snapshot().label());
        RunInfo round = new RunInfo("run-3", "20261123_101502_123", T0, "host", "", "/tmp", Map.of("watch_round", "3"));
        DashboardSnapshot s = RunScript.fold(new RunStarted(round, plain.units(), plain.slots(), null)).snapshot();
        assertEquals("20261123_101502_123 · watch round 3", s.label());
    }

    @Test
    void everyWorkerHasARowFromTheStartInNaturalOrder() {
        DashboardSnapshot s = RunScript.fold(started(10, null, "a.py")).snapshot();
        assertEquals(List.of("gw1", "gw2", "gw3", "gw4", "gw5", "gw6", "gw7", "gw8", "gw9", "gw10"),
                s.workers().stream().map(WorkerActivity::name).toList());
        assertTrue(s.workers().stream().allMatch(w -> w.state() == WorkerActivity.State.IDLE));
    }

    @Test
    void aWorkerShowsItsUnitThenItsTestWithTheTimeEachStarted() {
        DashboardState state = RunScript.fold(started(2, null, "t/a.py"), unitStarted("gw2", "t/a.py", 1));
        WorkerActivity gw2 = state.snapshot().workers().get(1);
        assertEquals("t/a.py", gw2.current().id());
        assertEquals(T0.plusSeconds(1), gw2.currentSince());

        state.apply(testStarted("gw2", "t/a.py::test_x"), T0.plusSeconds(5));
        gw2 = state.snapshot().workers().get(1);
        assertEquals("t/a.py::test_x", gw2.current().id());
        assertEquals(T0.plusSeconds(5), gw2.currentSince());

        state.apply(finished("gw2", passed("t/a.py::test_x", 10)), T0.plusSeconds(6));
        assertEquals("t/a.py", state.snapshot().workers().get(1).current().id());

        state.apply(unitFinished("gw2", "t/a.py", false, passed("t/a.py::test_x", 10)), T0.plusSeconds(7));
        gw2 = state.snapshot().workers().get(1);
        assertEquals(WorkerActivity.State.IDLE, gw2.state());
        assertEquals(T0.plusSeconds(7), gw2.since());
    }

    @Test
    void countsProgressAndFailuresFollowTheTests() {
        TestResult bad = failed("t/b.py::test_bad", 20, "assert 1 == 2", "Traceback…", "printed", 1);
        DashboardSnapshot s = RunScript.fold(
                started(2, null, "t/a.py", "t/b.py", "t/c.py"),
                unitStarted("gw1", "t/a.py", 1),
                finished("gw1", passed("t/a.py::test_ok", 5)),
                unitFinished("gw1", "t/a.py", false, passed("t/a.py::test_ok", 5)),
                unitStarted("gw2", "t/b.py", 1),
                finished("gw2", bad)).snapshot();

        assertEquals(3, s.progress().units());
        assertEquals(1, s.progress().unitsDone());
        assertEquals(1, s.count(Outcome.PASSED));
        assertEquals(1, s.count(Outcome.FAILED));
        assertEquals(1, s.failures().size());
        FailureEntry f = s.failures().get(0);
        assertEquals("t/b.py::test_bad", f.id());
        assertEquals("assert 1 == 2", f.reason());
        assertEquals("Traceback…", f.detail());
        assertEquals("printed", f.output());
        assertEquals("gw2", f.worker());
        assertEquals(FailureKind.ASSERTION, f.kind());
    }

    @Test
    void aRetryThatPassesTurnsTheFailureFlakyWithoutCountingTheTestTwice() {
        TestResult first = failed("t/b.py::test_shaky", 20, "boom", "", "", 1);
        DashboardState state = RunScript.fold(
                started(1, null, "t/b.py"),
                unitStarted("gw1", "t/b.py", 1),
                finished("gw1", first),
                unitFinished("gw1", "t/b.py", true, first));
        DashboardSnapshot during = state.snapshot();
        assertTrue(during.failures().get(0).retrying());
        assertEquals(0, during.progress().unitsDone(), "a unit queued for retry is not done");

        TestResult second = passed("t/b.py::test_shaky", 15);
        state.apply(unitStarted("gw1", "t/b.py", 2), T0.plusSeconds(10));
        state.apply(finished("gw1", second), T0.plusSeconds(11));
        state.apply(unitFinished("gw1", "t/b.py", false, second.withOutcome(Outcome.FLAKY)), T0.plusSeconds(12));

        DashboardSnapshot after = state.snapshot();
        assertEquals(1, after.count(Outcome.FLAKY));
        assertEquals(0, after.count(Outcome.FAILED));
        assertEquals(0, after.count(Outcome.PASSED));
        assertEquals(Outcome.FLAKY, after.failures().get(0).outcome());
        assertFalse(after.failures().get(0).retrying());
        assertEquals(0, after.failingCount());
        assertEquals(1, after.progress().unitsDone());
    }

    @Test
    void aUnitThatFailsOutsideAnyTestIsListedWithItsStrayOutput() {
        DashboardSnapshot s = RunScript.fold(
                started(1, null, "t/broken.py"),
                unitStarted("gw1", "t/broken.py", 1),
                new OutputChunk("run-1", salvo.model.WorkerRef.local("gw1"), "t/broken.py", "ImportError while importing test module\n"),
                unitError("gw1", "t/broken.py", FailureKind.IMPORT, "No module named 'nope'")).snapshot();
        assertEquals(1, s.count(Outcome.ERROR));
        FailureEntry f = s.failures().get(0);
        assertEquals("t/broken.py", f.id());
        assertEquals("No module named 'nope'", f.reason());
        assertEquals(FailureKind.IMPORT, f.kind());
        assertTrue(f.output().contains("ImportError while importing"), f.output());
    }

    @Test
    void aLostWorkerSaysWhy() {
        DashboardSnapshot s = RunScript.fold(
                started(2, null, "t/a.py"),
                unitStarted("gw1", "t/a.py", 1),
                new WorkerLost("run-1", salvo.model.WorkerRef.local("gw1"), "exit code 137")).snapshot();
        WorkerActivity gw1 = s.workers().get(0);
        assertEquals(WorkerActivity.State.LOST, gw1.state());
        assertEquals("exit code 137", gw1.note());
        assertNull(gw1.unitId());
    }

    @Test
    void slowestTestsAreKeptInOrderAndBounded() {
        DashboardState state = RunScript.fold(started(1, null, "t/a.py"), unitStarted("gw1", "t/a.py", 1));
        for (int i = 0; i < DashboardState.SLOWEST_KEPT + 5; i++) {
            state.apply(finished("gw1", passed("t/a.py::test_" + i, i * 10L)), T0.plusSeconds(i));
        }
        List<SlowTest> slowest = state.snapshot().slowest();
        assertEquals(DashboardState.SLOWEST_KEPT, slowest.size());
        assertEquals("t/a.py::test_" + (DashboardState.SLOWEST_KEPT + 4), slowest.get(0).testId());
        for (int i = 1; i < slowest.size(); i++) {
            assertTrue(slowest.get(i - 1).duration().compareTo(slowest.get(i).duration()) >= 0);
        }
    }

    @Test
    void runFinishedSettlesUnitsWhoseEventsWereMissedAndFreezesTheClock() {
        TestResult t = passed("t/a.py::test_ok", 5);
        DashboardState state = RunScript.fold(started(1, null, "t/a.py", "t/b.py"));
        var done = unitFinished("gw1", "t/a.py", false, t).result();
        state.apply(RunScript.runFinished(RunStatus.INTERRUPTED, T0.plusSeconds(30), done), T0.plusSeconds(31));
        DashboardSnapshot s = state.snapshot();
        assertEquals(1, s.progress().unitsDone());
        assertEquals(1, s.count(Outcome.PASSED));
        assertEquals(RunStatus.INTERRUPTED, s.status());
        assertEquals(Duration.ofSeconds(30), s.elapsed(T0.plusSeconds(500)));
    }

    @Test
    void progressCountsTestsAsWorkersCollectAndRunThemBeforeAnyFileEnds() {
        DashboardState state = new DashboardState(Map.of("t/c.py", 8));
        state.apply(started(2, null, "t/a.py", "t/b.py", "t/c.py"), T0);
        state.apply(unitStarted("gw1", "t/a.py", 1), T0);
        state.apply(RunScript.collected("gw1", "t/a.py", 4), T0);
        state.apply(finished("gw1", passed("t/a.py::test_1", 5)), T0.plusSeconds(10));
        state.apply(finished("gw1", passed("t/a.py::test_2", 5)), T0.plusSeconds(20));

        DashboardSnapshot s = state.snapshot();
        assertEquals("2/~16 tests (0/3 files)", s.progress().text(), "b.py at the mean of a.py, c.py as in the last run");
        Eta eta = s.eta(T0.plusSeconds(20)).orElseThrow();
        assertEquals(Eta.Source.PROGRESS, eta.source());
        assertEquals(Duration.ofSeconds(140), eta.remaining(), "2 of 16 tests in 20s: from the tests' pace, not the files'");

        state.apply(RunScript.collected("gw2", "t/b.py", 2), T0.plusSeconds(21));
        state.apply(RunScript.collected("gw2", "t/c.py", 6), T0.plusSeconds(21));
        assertEquals("2/12 tests (0/3 files)", state.snapshot().progress().text(), "every file collected: no guess left");
    }

    @Test
    void etaComesFromHistoryWhenThereIsAnEstimate() {
        DashboardSnapshot s = RunScript.fold(started(2, Duration.ofSeconds(100), "a.py", "b.py")).snapshot();
        Eta eta = s.eta(T0.plusSeconds(40)).orElseThrow();
        assertEquals(Eta.Source.HISTORY, eta.source());
        assertEquals(Duration.ofSeconds(60), eta.remaining());
    }

    @Test
    void etaIsExtrapolatedWithoutHistoryOrOnceTheEstimateIsPassed() {
        assertTrue(Eta.of(Duration.ofSeconds(10), null, 0, 4).isEmpty(), "nothing to go on yet");
        Eta noHistory = Eta.of(Duration.ofSeconds(10), null, 1, 4).orElseThrow();
        assertEquals(Eta.Source.PROGRESS, noHistory.source());
        assertEquals(Duration.ofSeconds(30), noHistory.remaining());
        Eta overrun = Eta.of(Duration.ofSeconds(120), Duration.ofSeconds(100), 3, 4).orElseThrow();
        assertEquals(Duration.ofSeconds(40), overrun.remaining());
    }
}
