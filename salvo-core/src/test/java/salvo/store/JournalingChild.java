package salvo.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.model.Outcome;
import salvo.model.RunBuilder;
import salvo.model.RunInfo;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * A Salvo that journals a run slowly until it is killed, for {@link JournalKillTest}: a test
 * result every {@value #PACE_MILLIS} ms, units of {@value #UNIT_SIZE} tests, and a line
 * {@code durable <test id> <outcome>} for each result once its transaction has committed.
 *
 * <p>Usage: {@code java -cp <test classpath> salvo.store.JournalingChild <store dir>}
 */
public final class JournalingChild {
    static final int PACE_MILLIS = 15;
    static final int UNIT_SIZE = 10;
    static final String RUN_ID = "run-killed";

    private JournalingChild() {}

    /** The outcome of the n-th test: every seventh fails. */
    static Outcome outcome(int n) {
        return n % 7 == 3 ? Outcome.FAILED : Outcome.PASSED;
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // As Salvo's Main does: a killed child must leave no copy of sqlite-jdbc's library in /tmp.
        salvo.bundle.SqliteNative.useCachedCopyInBackground();
        SqliteStore store = SqliteStore.open(Path.of(args[0]));
        Journal journal = new Journal(store, Owner.current(), Journal.FLUSH_DELAY, tests -> {
            synchronized (out) {
                for (TestResult t : tests) {
                    out.println("durable " + t.testId() + " " + t.outcome());
                }
            }
        });
        RunInfo template = RunBuilder.run("killed").build().info();
        RunInfo info = new RunInfo(RUN_ID, template.label(), template.started(), template.host(), template.gitCommit(),
                template.rootDir(), template.config());
        WorkerRef worker = WorkerRef.local("gw1");
        journal.on(new RunStarted(info, List.of(), java.util.List.of(salvo.model.WorkerRef.local("gw1")), null));
        journal.flush(); // the run's row is written on the journal's thread; its id is known once it is
        out.println("run " + journal.runId());
        for (int u = 0; ; u++) {
            String unitId = "tests/test_" + u + ".py";
            TestUnit unit = new TestUnit(unitId, Path.of(unitId), "pytest");
            journal.on(new UnitStarted(RUN_ID, worker, unit, 1));
            List<TestResult> tests = new java.util.ArrayList<>();
            for (int i = 0; i < UNIT_SIZE; i++) {
                int n = u * UNIT_SIZE + i;
                TestResult t = RunBuilder.test(unitId, "t" + n, outcome(n), 0.01);
                tests.add(t);
                journal.on(new TestFinished(RUN_ID, worker, t));
                Thread.sleep(PACE_MILLIS);
            }
            Outcome worst = tests.stream().map(TestResult::outcome).anyMatch(o -> o == Outcome.FAILED)
                    ? Outcome.FAILED : Outcome.PASSED;
            journal.on(new UnitFinished(RUN_ID, worker,
                    new UnitResult(unit, worst, Duration.ofMillis(PACE_MILLIS * UNIT_SIZE), tests, null, 1, worker), false));
        }
    }
}
