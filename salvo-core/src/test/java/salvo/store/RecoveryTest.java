package salvo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.run;
import static salvo.model.RunBuilder.test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

class RecoveryTest {
    private static final WorkerRef W1 = WorkerRef.local("gw1");
    private static final String HOST = Owner.current().host();

    @TempDir
    Path dir;

    /**
     * Journals a run of two units as {@code owner}, without finishing it: a.py ended, b.py had
     * reported one test when its Salvo stopped.
     */
    private long abandon(Owner owner) {
        RunRecord run = run("cut").unit("a.py", test("a.py", "t", Outcome.PASSED, 1))
                .unit("b.py", test("b.py", "u", Outcome.FAILED, 1), test("b.py", "v", Outcome.PASSED, 1)).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = new Journal(store, owner, Journal.FLUSH_DELAY);
            journal.on(new RunStarted(run.info(), run.units().stream().map(UnitResult::unit).toList(), java.util.List.of(salvo.model.WorkerRef.local("gw1")), null));
            UnitResult a = run.units().get(0);
            UnitResult b = run.units().get(1);
            journal.on(new UnitStarted("run-cut", W1, a.unit(), 1));
            journal.on(new UnitStarted("run-cut", W1, b.unit(), 1));
            journal.on(new TestFinished("run-cut", W1, a.tests().get(0)));
            journal.on(new UnitFinished("run-cut", W1, a, false));
            journal.on(new TestFinished("run-cut", W1, b.tests().get(0)));
            journal.flush();
            return journal.runId();
        }
    }

    private static Owner deadOwner() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return new Owner(gone.pid(), null, HOST);
    }

    @Test
    void aRunWhoseSalvoDiedIsIncompleteWithEveryTestItWrote() throws Exception {
        long id = abandon(deadOwner());

        try (SqliteStore store = SqliteStore.open(dir)) {
            RunRecord found = store.load(id).orElseThrow();
            assertEquals(RunStatus.INCOMPLETE, found.status());
            assertEquals(List.of(Outcome.PASSED, Outcome.INCOMPLETE), found.units().stream().map(UnitResult::outcome).toList());
            assertEquals(List.of("a.py::t", "b.py::u"), found.units().stream()
                    .flatMap(u -> u.tests().stream()).map(TestResult::testId).toList());
            assertEquals(Outcome.FAILED, found.units().get(1).tests().get(0).outcome());
            assertEquals(found, store.latest().orElseThrow(), "an abandoned run has ended: it is the previous run");
            assertEquals(RunStatus.INCOMPLETE, store.recent(1).get(0).status());
            assertEquals(found.totals(), store.recent(1).get(0).totals());
            assertEquals(List.of(), store.recoverAbandonedRuns(), "opening recovered it already");
        }
    }

    @Test
    void aPidNowUsedByAnotherProcessMeansTheOwnerIsGone() {
        Owner self = Owner.current();
        Instant started = self.started();
        assertTrue(started != null, "this OS tells process start times");
        long id = abandon(new Owner(self.pid(), started.minusSeconds(60), HOST));

        try (SqliteStore store = SqliteStore.open(dir)) {
            assertEquals(RunStatus.INCOMPLETE, store.load(id).orElseThrow().status());
        }
    }

    @Test
    void aRunOfASalvoStillRunningIsLeftAlone() {
        long id = abandon(Owner.current());

        try (SqliteStore store = SqliteStore.open(dir)) {
            assertEquals(List.of(), store.recoverAbandonedRuns());
            assertEquals(RunStatus.RUNNING, store.load(id).orElseThrow().status());
            assertTrue(store.latest().isEmpty(), "a running run is no previous run");
        }
    }

    @Test
    void aRunOfAnotherHostIsLeftAlone() throws Exception {
        Owner dead = deadOwner();
        long id = abandon(new Owner(dead.pid(), null, HOST + "-elsewhere"));

        try (SqliteStore store = SqliteStore.open(dir)) {
            assertEquals(RunStatus.RUNNING, store.load(id).orElseThrow().status(), "its pid means nothing here");
        }
    }
}
