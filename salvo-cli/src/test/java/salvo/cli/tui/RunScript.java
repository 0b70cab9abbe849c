package salvo.cli.tui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import salvo.event.RunEvent;
import salvo.event.RunFinished;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.TestStarted;
import salvo.event.UnitCollected;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;
import salvo.pytest.PytestIds;

/** Builds event streams for tests, with a clock that only moves when told to. */
final class RunScript {
    static final Instant T0 = Instant.parse("2026-11-23T10:15:02Z");

    final List<TestUnit> units = new ArrayList<>();
    final RunInfo info = new RunInfo("run-1", "20261123_101502_123", T0, "host", "", "/tmp", Map.of());

    static TestUnit unit(String id) {
        return new TestUnit(id, Path.of(id), "pytest");
    }

    static RunStarted started(int workers, Duration estimate, String... unitIds) {
        List<TestUnit> plan = new ArrayList<>();
        for (String id : unitIds) {
            plan.add(unit(id));
        }
        List<WorkerRef> slots = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            slots.add(WorkerRef.local("gw" + i));
        }
        return new RunStarted(new RunScript().info, plan, slots, estimate);
    }

    static UnitStarted unitStarted(String worker, String unitId, int attempt) {
        return new UnitStarted("run-1", WorkerRef.local(worker), unit(unitId), attempt);
    }

    static UnitCollected collected(String worker, String unitId, int tests) {
        return new UnitCollected("run-1", WorkerRef.local(worker), unitId, tests);
    }

    static TestStarted testStarted(String worker, String testId) {
        return new TestStarted("run-1", WorkerRef.local(worker), PytestIds.node(testId), 1);
    }

    static TestResult passed(String testId, long millis) {
        return new TestResult(PytestIds.node(testId), Outcome.PASSED, Duration.ofMillis(millis), null, "", 1);
    }

    static TestResult failed(String testId, long millis, String message, String detail, String output, int attempt) {
        return new TestResult(PytestIds.node(testId), Outcome.FAILED, Duration.ofMillis(millis),
                new Failure(FailureKind.ASSERTION, message, detail), output, attempt);
    }

    static TestFinished finished(String worker, TestResult r) {
        return new TestFinished("run-1", WorkerRef.local(worker), r);
    }

    static UnitFinished unitFinished(String worker, String unitId, boolean willRetry, TestResult... tests) {
        Outcome worst = Outcome.PASSED;
        for (TestResult t : tests) {
            worst = t.outcome().severity() > worst.severity() ? t.outcome() : worst;
        }
        return new UnitFinished("run-1", WorkerRef.local(worker), new UnitResult(unit(unitId), worst, Duration.ofSeconds(1),
                List.of(tests), null, 1, WorkerRef.local(worker)), willRetry);
    }

    static UnitFinished unitError(String worker, String unitId, FailureKind kind, String message) {
        return new UnitFinished("run-1", WorkerRef.local(worker), new UnitResult(unit(unitId), Outcome.ERROR,
                Duration.ofMillis(300), List.of(), new Failure(kind, message, "E   " + message), 1, WorkerRef.local(worker)),
                false);
    }

    static RunFinished runFinished(RunStatus status, Instant at, UnitResult... results) {
        return new RunFinished(new RunRecord(0, new RunScript().info, at, status, List.of(results)));
    }

    /** Applies events to a state, each one second after the previous, starting at T0. */
    static DashboardState fold(RunEvent... events) {
        DashboardState s = new DashboardState();
        Instant t = T0;
        for (RunEvent e : events) {
            s.apply(e, t);
            t = t.plusSeconds(1);
        }
        return s;
    }
}
