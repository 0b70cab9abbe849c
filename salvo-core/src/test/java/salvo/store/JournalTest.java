package salvo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.run;
import static salvo.model.RunBuilder.seconds;
import static salvo.model.RunBuilder.test;
import static salvo.model.RunBuilder.unitResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

class JournalTest {
    private static final WorkerRef W1 = WorkerRef.local("gw1");

    @TempDir
    Path dir;

    private static RunStarted started(RunRecord run) {
        return new RunStarted(run.info(), run.units().stream().map(UnitResult::unit).toList(), java.util.List.of(salvo.model.WorkerRef.local("gw1")), null);
    }

    /** The run's row is written on the journal's own thread, shortly after RunStarted. */
    private static void awaitRunId(Journal journal) throws InterruptedException {
        for (int i = 0; i < 100 && journal.runId() == 0; i++) {
            Thread.sleep(20);
        }
        assertNotEquals(0, journal.runId(), "the run's row was written");
    }

    @Test
    void testsAreInTheFileBeforeTheRunEndsAndARunningRunIsNoPreviousRun() throws Exception {
        RunRecord previous;
        TestUnit unit = new TestUnit("a.py", Path.of("a.py"), "pytest");
        List<TestResult> tests = List.of(test("a.py", "t1", Outcome.PASSED, 0.1), test("a.py", "t2", Outcome.FAILED, 0.2),
                test("a.py", "t3", Outcome.SKIPPED, 0));
        RunRecord running = run("now").unit(unitResult("a.py", Outcome.FAILED, seconds(1), null,
                tests.toArray(TestResult[]::new))).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            previous = store.save(run("before").build());
            Journal journal = store.journal();
            journal.on(started(running));
            awaitRunId(journal);
            journal.on(new UnitStarted("run-now", W1, unit, 1));
            for (TestResult t : tests) {
                journal.on(new TestFinished("run-now", W1, t));
            }
            // No flush, no finish: the journal's timer makes them durable on its own.
            awaitRows(dir, "SELECT count(*) FROM test_results t JOIN unit_results u ON u.id = t.unit_result_id"
                    + " WHERE u.run_id = " + journal.runId(), "3");

            try (SqliteStore other = SqliteStore.open(dir)) {
                RunRecord seen = other.load(journal.runId()).orElseThrow();
                assertEquals(RunStatus.RUNNING, seen.status(), "its Salvo (this JVM) is alive");
                assertEquals("run-now", seen.info().id());
                assertEquals(1, seen.units().size());
                assertEquals(Outcome.INCOMPLETE, seen.units().get(0).outcome());
                assertEquals(tests, seen.units().get(0).tests());
                assertEquals(previous, other.latest().orElseThrow(), "the previous run is the last that ended");
                RunSummary newest = other.recent(1).get(0);
                assertEquals(RunStatus.RUNNING, newest.status());
                assertEquals(Map.of(Outcome.PASSED, 1, Outcome.FAILED, 1, Outcome.SKIPPED, 1), newest.totals().tests());
            }

            journal.on(new UnitFinished("run-now", W1, running.units().get(0), false));
            RunRecord saved = journal.finish(running);
            assertEquals(running.withId(journal.runId()), saved);
            assertEquals(saved, store.load(saved.id()).orElseThrow());
            assertEquals(saved, store.latest().orElseThrow());
        }
    }

    @Test
    void aUnitsFinalAttemptReplacesWhatItsEarlierAttemptsWrote() throws Exception {
        TestUnit unit = new TestUnit("a.py", Path.of("a.py"), "pytest");
        TestResult flakyFirst = test("a.py", "flaky", Outcome.FAILED, 0.1);
        TestResult lostFirst = test("a.py", "lost", Outcome.PASSED, 0.1);
        TestResult flaky = new TestResult(flakyFirst.node(), Outcome.FLAKY, seconds(0.1),
                Failure.of(FailureKind.ASSERTION, "failed once"), "", 2);
        UnitResult firstAttempt = unitResult("a.py", Outcome.FAILED, seconds(1), null, flakyFirst, lostFirst);
        UnitResult finalAttempt = new UnitResult(unit, Outcome.FLAKY, seconds(2), List.of(flaky), null, 2, W1);
        RunRecord run = run("retry").unit(finalAttempt).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            journal.on(started(run));
            journal.on(new UnitStarted("run-retry", W1, unit, 1));
            journal.on(new TestFinished("run-retry", W1, flakyFirst));
            journal.on(new TestFinished("run-retry", W1, lostFirst));
            journal.on(new UnitFinished("run-retry", W1, firstAttempt, true));
            journal.on(new UnitStarted("run-retry", W1, unit, 2));
            journal.on(new TestFinished("run-retry", W1, flaky));
            journal.flush();

            UnitResult meanwhile = store.load(journal.runId()).orElseThrow().units().get(0);
            assertEquals(Outcome.INCOMPLETE, meanwhile.outcome(), "a unit that will be retried has not ended");
            assertEquals(List.of(flaky, lostFirst), meanwhile.tests(), "a node's newest result, in its place");

            journal.on(new UnitFinished("run-retry", W1, finalAttempt, false));
            journal.flush(); // the unit's end is written on the journal's thread: wait for it
            assertEquals(finalAttempt, store.load(journal.runId()).orElseThrow().units().get(0));
            assertEquals(run.withId(journal.runId()), journal.finish(run));
            assertEquals(run.withId(journal.runId()), store.load(journal.runId()).orElseThrow());
        }
    }

    /** Its rows keep their ids: a deleted and rewritten row would take new ones after b.py's test. */
    @Test
    void aUnitsEndLeavesTheTestsItsEventsWroteAsTheyWere() throws Exception {
        TestUnit a = new TestUnit("a.py", Path.of("a.py"), "pytest");
        TestUnit b = new TestUnit("b.py", Path.of("b.py"), "pytest");
        TestResult a1 = test("a.py", "t1", Outcome.PASSED, 0.1);
        TestResult a2 = test("a.py", "t2", Outcome.FAILED, 0.2);
        TestResult b1 = test("b.py", "t1", Outcome.PASSED, 0.1);
        UnitResult aDone = unitResult("a.py", Outcome.FAILED, seconds(1), null, a1, a2);
        UnitResult bDone = unitResult("b.py", Outcome.PASSED, seconds(1), null, b1);
        RunRecord run = run("once").unit(aDone).unit(bDone).build();
        String ids = "SELECT group_concat(t.id) FROM test_results t JOIN unit_results u ON u.id = t.unit_result_id"
                + " WHERE u.unit_id = 'a.py'";
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            journal.on(started(run));
            journal.on(new UnitStarted("run-once", W1, a, 1));
            journal.on(new UnitStarted("run-once", W1, b, 1));
            journal.on(new TestFinished("run-once", W1, a1));
            journal.on(new TestFinished("run-once", W1, a2));
            journal.on(new TestFinished("run-once", W1, b1));
            journal.flush();
            String asWritten = sql(ids);
            journal.on(new UnitFinished("run-once", W1, aDone, false));
            journal.on(new UnitFinished("run-once", W1, bDone, false));
            journal.flush();
            assertEquals(asWritten, sql(ids));
            assertEquals(aDone, store.load(journal.runId()).orElseThrow().units().get(0), "the unit's own row is final");
            assertEquals(run.withId(journal.runId()), journal.finish(run));
            assertEquals(asWritten, sql(ids));
            assertEquals(run.withId(journal.runId()), store.load(journal.runId()).orElseThrow());
        }
    }

    @Test
    void finishSavesTheWholeRunWhenNoEventCame() {
        RunRecord interrupted = run("early").status(RunStatus.INTERRUPTED).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            RunRecord saved = journal.finish(interrupted);
            assertNotEquals(0, saved.id());
            assertEquals(saved.id(), journal.runId());
            assertEquals(saved, store.load(saved.id()).orElseThrow());
        }
    }

    @Test
    void finishIsTheAuthorityOverWhatTheEventsSaid() {
        RunRecord everything = SqliteStoreTest.everything();
        RunRecord partial = new RunRecord(0, everything.info(), everything.finished(), RunStatus.RUNNING,
                List.of(everything.units().get(1)));
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            Events.play(journal, partial);
            RunRecord saved = journal.finish(everything);
            assertEquals(everything.withId(journal.runId()), saved);
            assertEquals(saved, store.load(saved.id()).orElseThrow());
            assertEquals(saved.totals(), store.recent(1).get(0).totals());
        }
    }

    @Test
    void finishKeepsTheUnitsTheEventsGotRightAndReplacesTheOthersInTheRecordsOrder() {
        UnitResult a = unitResult("a.py", Outcome.PASSED, seconds(1), null, test("a.py", "t", Outcome.PASSED, 1));
        UnitResult b = unitResult("b.py", Outcome.PASSED, seconds(1), null, test("b.py", "t", Outcome.PASSED, 1));
        UnitResult bAfterAll = unitResult("b.py", Outcome.FAILED, seconds(2), null, test("b.py", "t", Outcome.FAILED, 2),
                test("b.py", "u", Outcome.PASSED, 1));
        RunRecord asJournaled = run("order").unit(a).unit(b).build();
        RunRecord record = run("order").unit(bAfterAll).unit(a).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            Events.play(journal, asJournaled);
            RunRecord saved = journal.finish(record);
            assertEquals(record.withId(journal.runId()), saved);
            assertEquals(saved, store.load(saved.id()).orElseThrow());
            assertEquals(1, store.recent(1).get(0).totals().tests(Outcome.FAILED));
        }
    }

    @Test
    void eventsOfAnotherRunAndEventsAfterFinishAreIgnored() {
        RunRecord mine = run("mine").unit("a.py", test("a.py", "t", Outcome.PASSED, 1)).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            journal.on(started(mine));
            journal.on(new UnitStarted("run-other", W1, new TestUnit("x.py", Path.of("x.py"), "pytest"), 1));
            journal.on(new TestFinished("run-other", W1, test("x.py", "t", Outcome.FAILED, 1)));
            journal.flush();
            assertEquals(List.of(), store.load(journal.runId()).orElseThrow().units());

            RunRecord saved = journal.finish(mine);
            journal.on(new UnitFinished("run-mine", W1, unitResult("a.py", Outcome.CRASHED, Duration.ZERO, null), false));
            journal.flush();
            assertEquals(saved, store.load(saved.id()).orElseThrow());
        }
    }

    @Test
    void treeNodesLoadBackEqualAndOnlyTestsCount() {
        NodeId unitNode = NodeId.ofUnit("pkg/Suite");
        NodeId container = unitNode.child(NodeId.Kind.CONTAINER, "pkg/Suite#Inner", "Inner");
        NodeId test = container.child(NodeId.Kind.TEST, "pkg/Suite#Inner#works", "works");
        NodeId step = test.child(NodeId.Kind.STEP, "pkg/Suite#Inner#works/step-1", "step 1");
        List<TestResult> results = List.of(
                new TestResult(container, Outcome.PASSED, seconds(3), null, "", 1),
                new TestResult(test, Outcome.FAILED, seconds(2), Failure.of(FailureKind.ASSERTION, "no"), "", 1),
                new TestResult(step, Outcome.FAILED, seconds(1), null, "", 1));
        RunRecord run = run("tree").unit(unitResult("pkg/Suite", Outcome.FAILED, seconds(3), null,
                results.toArray(TestResult[]::new))).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            Events.play(journal, run);
            RunRecord saved = journal.finish(run);
            assertEquals(saved, store.load(saved.id()).orElseThrow());
            assertEquals(Map.of(Outcome.FAILED, 1), store.recent(1).get(0).totals().tests());
            assertEquals(run.totals(), store.recent(1).get(0).totals());
        }
        assertEquals("CONTAINER pkg/Suite,TEST pkg/Suite#Inner,STEP pkg/Suite#Inner#works",
                sql("SELECT group_concat(kind || ' ' || parent_id) FROM (SELECT * FROM test_results ORDER BY position)"));
    }

    /** A test directly under its unit, named as its id says, stores no node JSON; one named otherwise does. */
    @Test
    void aFlatTestsNodeIsStoredAsNothingAndReadsBackEqual() {
        TestResult flat = new TestResult(NodeId.test("a.py", "a.py::test_x[1]", "test_x[1]"), Outcome.PASSED, seconds(1),
                null, "", 1);
        TestResult named = new TestResult(NodeId.test("a.py", "a.py::test_y", "a nicer name"), Outcome.PASSED, seconds(1),
                null, "", 1);
        RunRecord run = run("flat").unit(unitResult("a.py", Outcome.PASSED, seconds(2), null, flat, named)).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            Events.play(journal, run);
            RunRecord saved = journal.finish(run);
            assertEquals(saved, store.load(saved.id()).orElseThrow());
        }
        assertEquals("a.py::test_x[1]:-,a.py::test_y:[{\"kind\":\"UNIT\",\"id\":\"a.py\",\"name\":\"a.py\"},"
                        + "{\"kind\":\"TEST\",\"id\":\"a.py::test_y\",\"name\":\"a nicer name\"}]",
                sql("SELECT group_concat(test_id || ':' || coalesce(node, '-')) FROM (SELECT * FROM test_results ORDER BY position)"));
    }

    @Test
    void anOutcomeNewerThanSchemaOneIsCountedWithoutAColumnOfItsOwn() {
        RunRecord run = run("cut").status(RunStatus.INTERRUPTED).unit("a.py",
                test("a.py", "done", Outcome.PASSED, 1), test("a.py", "cut", Outcome.INCOMPLETE, 1)).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.save(run);
            assertEquals(Map.of(Outcome.PASSED, 1, Outcome.INCOMPLETE, 1), store.recent(1).get(0).totals().tests());
        }
        assertEquals("0", sql("SELECT count(*) FROM pragma_table_info('runs') WHERE name LIKE 'tests%'"),
                "counts come from test_results: a new Outcome needs no migration");
    }

    private String sql(String query) {
        try {
            return SchemaUpgradeTest.query(dir.resolve(SqliteStore.FILE_NAME), query);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls a second connection, as another process would see the file. */
    static void awaitRows(Path dir, String query, String expected) throws Exception {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        String seen = null;
        for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline; Thread.sleep(20)) {
            seen = SchemaUpgradeTest.query(file, query);
            if (expected.equals(seen)) {
                return;
            }
        }
        assertTrue(false, query + " gave " + seen + ", expected " + expected);
    }
}
