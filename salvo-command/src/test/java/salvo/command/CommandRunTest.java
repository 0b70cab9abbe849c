package salvo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.testing.NoLeftoverProcesses;

/** Real commands through the adapter's SPI: how each way of ending becomes a result. */
class CommandRunTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @Test
    void exitZeroPassesAsOneTestOfItsOwn() {
        Harness h = new Harness(dir, "ok=echo fine");
        UnitResult r = h.runOne();
        assertEquals(Outcome.PASSED, r.outcome());
        assertNull(r.failure());
        assertEquals(1, r.attempts());
        assertEquals("command:ok", r.unit().id());
        assertEquals("command", r.unit().adapter());
        assertTrue(r.worker().label().matches("cmd\\d"), r.worker().label());
        TestResult only = r.tests().get(0);
        assertEquals(NodeId.test("command:ok", "command:ok", "ok"), only.node());
        assertEquals(Outcome.PASSED, only.outcome());
        assertTrue(only.output().contains("fine"), only.output());
        assertEquals(List.of(only), h.finished());
        assertEquals(1, h.events.stream().filter(e -> e instanceof UnitStarted).count());
        assertEquals(1, h.events.stream().filter(e -> e instanceof UnitFinished).count());
    }

    @Test
    void aNonZeroExitFailsWithItsStatusAndOutputTail() {
        UnitResult r = new Harness(dir, "bad=echo the reason; echo last words >&2; exit 3").runOne();
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(FailureKind.OTHER, r.failure().kind());
        assertEquals("exited with code 3", r.failure().message());
        assertTrue(r.failure().detail().contains("the reason\nlast words"), r.failure().detail());
        assertEquals(Outcome.FAILED, r.tests().get(0).outcome());
        assertEquals("bad: exited with code 3", r.tests().get(0).node().title() + ": " + r.tests().get(0).failure().message());
    }

    @Test
    void pastItsTimeoutItTimesOutAndNothingIsLeft() throws Exception {
        Harness h = new Harness(dir);
        h.yaml("commands:\n  - name: slow\n    run: sleep 30\n    timeout: 1\n");
        Instant start = Instant.now();
        UnitResult r = h.runOne();
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10);
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertEquals(FailureKind.TIMEOUT, r.failure().kind());
        assertEquals("the command exceeded the 1s timeout; its process tree was killed", r.failure().message());
        assertEquals(Outcome.TIMEOUT, r.tests().get(0).outcome());
    }

    @Test
    void theRunsTimeoutIsTheDefault() {
        Harness h = new Harness(dir, "slow=sleep 30 & wait");
        h.timeout = Duration.ofMillis(500);
        UnitResult r = h.runOne();
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertTrue(r.failure().message().startsWith("the command exceeded the 0.5s timeout"), r.failure().message());
    }

    @Test
    void killedByASignalItCrashed() {
        Harness h = new Harness(dir, "segv=echo about to; kill -SEGV $$", "nine=kill -9 $$");
        List<UnitResult> results = h.run();
        UnitResult segv = results.get(0);
        assertEquals(Outcome.CRASHED, segv.outcome());
        assertEquals(FailureKind.CRASH, segv.failure().kind());
        assertEquals("the command was killed by SIGSEGV", segv.failure().message());
        assertTrue(segv.failure().detail().contains("about to"), segv.failure().detail());
        assertEquals(Outcome.CRASHED, segv.tests().get(0).outcome());
        UnitResult nine = results.get(1);
        assertEquals(Outcome.CRASHED, nine.outcome());
        assertTrue(nine.failure().message().startsWith("the command was killed by SIGKILL"), nine.failure().message());
    }

    @Test
    void aShellThatCannotFindAProgramAtRunTimeIsAnError() {
        // "true" is a builtin, so the check before the run cannot see the missing program after it.
        UnitResult r = new Harness(dir, "gone=true && no-such-program-salvo --version").runOne();
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.failure().message().startsWith("command not found: no-such-program-salvo"), r.failure().message());
    }

    @Test
    void itRunsInItsDirectoryWithItsEnvironment() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Harness h = new Harness(dir);
        h.yaml("""
                commands:
                  - name: where
                    run: ["/bin/sh", "-c", "pwd; echo \\"$GREETING\\"; test \\"$GREETING\\" = hello"]
                    cwd: sub
                    env: {GREETING: hello}
                """);
        UnitResult r = h.runOne();
        assertEquals(Outcome.PASSED, r.outcome(), String.valueOf(r.failure()));
        assertEquals(dir.resolve("sub"), r.unit().path());
        assertTrue(r.tests().get(0).output().contains(dir.resolve("sub").toString() + "\nhello"), r.tests().get(0).output());
    }

    @Test
    void verboseStreamsEachLineAsItComes() {
        Harness h = new Harness(dir, "talk=echo one; echo two");
        h.verbose = true;
        assertEquals(Outcome.PASSED, h.runOne().outcome());
        assertEquals(List.of("one", "two"), h.output());
    }

    @Test
    void quietRunsStreamNothing() {
        Harness h = new Harness(dir, "talk=echo one");
        h.runOne();
        assertEquals(List.of(), h.output());
    }

    @Test
    void commandsRunInParallelSlots() {
        Harness h = new Harness(dir, "a=sleep 1", "b=sleep 1", "c=sleep 1");
        h.workers = 3;
        Instant start = Instant.now();
        List<UnitResult> results = h.run();
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 2800, "ran one after another");
        assertEquals(List.of("command:a", "command:b", "command:c"), results.stream().map(r -> r.unit().id()).toList());
        assertEquals(3, results.stream().map(r -> r.worker().label()).distinct().count());
    }

    @Test
    void theForegroundModeRunsOneAtATime() {
        Harness h = new Harness(dir, "a=true", "b=true");
        h.workers = 0;
        List<UnitResult> results = h.run();
        assertEquals(List.of("cmd1", "cmd1"), results.stream().map(r -> r.worker().label()).toList());
    }

    @Test
    void anInterruptKillsARunningCommandPromptly() throws Exception {
        Harness h = new Harness(dir, "long=sleep 30");
        Thread stopper = new Thread(() -> {
            try {
                while (h.events.stream().noneMatch(e -> e instanceof UnitStarted)) {
                    Thread.sleep(20);
                }
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            h.control.interrupt();
        });
        stopper.start();
        Instant start = Instant.now();
        UnitResult r = h.runOne();
        stopper.join();
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5, "the command was not killed promptly");
        assertEquals(Outcome.INCOMPLETE, r.outcome());
        assertEquals("the run was stopped before the command finished", r.failure().message());
    }

    @Test
    void aFailedCommandIsRetriedWholeByTheCoresRetryRounds() {
        Harness h = new Harness(dir, "flaky=test -f once || { touch once; echo first try; exit 1; }");
        salvo.adapter.Discovery found = h.discover();
        salvo.execute.Execution execution = h.adapter.prepare(h.settings(), found.units(), () -> salvo.adapter.History.NONE);
        assertEquals(false, execution.selectsTests());
        List<UnitResult> results = new salvo.execute.RetryRounds(execution, 1).execute(
                found.units().stream().map(salvo.execute.PlannedUnit::whole).toList(),
                new salvo.event.RunEvents("run-id", h.events::add), h.control);
        UnitResult r = results.get(0);
        assertEquals(Outcome.FLAKY, r.outcome());
        assertEquals(2, r.attempts());
        assertEquals(Outcome.FLAKY, r.tests().get(0).outcome());
        assertEquals("exited with code 1", r.tests().get(0).failure().message());
        assertEquals(List.of(1, 2), h.finished().stream().map(TestResult::attempt).toList());
    }
}
