package salvo.cli.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.event.RunFinished;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.UnitCollected;
import salvo.event.UnitFinished;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

class ConsoleSinkTest {
    private static final WorkerRef GW1 = WorkerRef.local("gw1");

    @Test
    void theLiveLineCountsTestsAndFilesAsTheDashboardDoes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, false,
                Style.plain(), run -> Optional.empty(), Map.of("b.py", 7));
        TestUnit a = new TestUnit("a.py", Path.of("a.py"), "pytest");
        TestUnit b = new TestUnit("b.py", Path.of("b.py"), "pytest");
        RunInfo info = new RunInfo("run-1", "20261123_101502_123", Instant.now(), "host", "", "/tmp", Map.of());
        sink.on(new RunStarted(info, List.of(a, b), List.of(GW1), null));
        sink.on(new UnitCollected("run-1", GW1, "a.py", 3));
        TestResult t = new TestResult(NodeId.test("a.py", "a.py::test_x", "test_x"), Outcome.PASSED, Duration.ZERO, null, "", 1);
        sink.on(new TestFinished("run-1", GW1, t));
        sink.on(new UnitFinished("run-1", GW1, new UnitResult(a, Outcome.PASSED, Duration.ofSeconds(1), List.of(t),
                null, 1, GW1), false));

        String out = bytes.toString(StandardCharsets.UTF_8);
        // a.py ended with its one test; b.py is guessed at its count in the last run.
        assertTrue(out.contains("[1/~8 tests (1/2 files)] "), out);

        UnitResult broken = new UnitResult(b, Outcome.ERROR, Duration.ofSeconds(1), List.of(), null, 1, GW1);
        sink.on(new UnitFinished("run-1", GW1, broken, false));
        out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[2/2 tests (2/2 files, 1 failed)] "), "b.py failed to import: one unit, no tests\n" + out);
        sink.on(new RunFinished(new RunRecord(1, info, Instant.now(), RunStatus.COMPLETED, List.of(broken)))); // ends the ticker
    }
}
