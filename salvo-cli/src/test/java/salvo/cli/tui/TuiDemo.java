package salvo.cli.tui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import salvo.event.RunFinished;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.TestStarted;
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

/** Drives the real dashboard with a synthetic run, to look at it and measure its cost by hand. */
public final class TuiDemo {
    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        long testMillis = args.length > 1 ? Long.parseLong(args[1]) : 1500;
        CountDownLatch stop = new CountDownLatch(1);
        TuiSink sink = TuiSink.open(System.err, stop::countDown).orElseThrow();
        List<TestUnit> plan = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            plan.add(new TestUnit("tests/integration/deeply/nested/package/test_module_" + i + ".py",
                    Path.of("t" + i), "pytest"));
        }
        RunInfo info = new RunInfo("20261123_101502_123", Instant.now(), "host", "", "/tmp", Map.of());
        sink.on(new RunStarted(info, plan, 2, Duration.ofMillis(units * testMillis / 2 + 2000)));
        List<UnitResult> results = new ArrayList<>();
        for (int i = 0; i < units && stop.getCount() > 0; i += 2) {
            for (int w = 0; w < 2 && i + w < units; w++) {
                TestUnit u = plan.get(i + w);
                sink.on(new UnitStarted("gw" + (w + 1), u, 1));
                sink.on(new TestStarted("gw" + (w + 1), u.id(), u.id() + "::test_sleeps[测试-😀-" + i + "]"));
            }
            stop.await(testMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            for (int w = 0; w < 2 && i + w < units; w++) {
                TestUnit u = plan.get(i + w);
                boolean fail = (i + w) % 5 == 3;
                TestResult t = new TestResult(u.id(), u.id() + "::test_sleeps[测试-😀-" + i + "]",
                        fail ? Outcome.FAILED : Outcome.PASSED, Duration.ofMillis(testMillis),
                        fail ? new Failure(FailureKind.ASSERTION, "AssertionError: assert 1 == 2", "Traceback\n  line 1\nAssertionError") : null,
                        "some output\n", 1);
                sink.on(new TestFinished("gw" + (w + 1), t));
                UnitResult r = new UnitResult(u, t.outcome(), t.duration(), List.of(t), null, 1, "gw" + (w + 1));
                results.add(r);
                sink.on(new UnitFinished("gw" + (w + 1), r, false));
            }
        }
        sink.on(new RunFinished(new RunRecord(0, info, Instant.now(),
                stop.getCount() == 0 ? RunStatus.INTERRUPTED : RunStatus.COMPLETED, results)));
        sink.close();
    }
}
