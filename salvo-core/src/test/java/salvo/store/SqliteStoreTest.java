package salvo.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import salvo.model.WorkerRef;
import salvo.model.NodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.run;
import static salvo.model.RunBuilder.seconds;
import static salvo.model.RunBuilder.test;
import static salvo.model.RunBuilder.unitResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.error.SalvoError;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

class SqliteStoreTest {
    @TempDir
    Path dir;

    /** A run that uses every field, every outcome, nanosecond times and text that is hard to store. */
    static RunRecord everything() {
        String a = "tests/test_a.py";
        TestResult failed = new TestResult(NodeId.flat(a, a + "::TestK::test_x[1-ü]"), Outcome.FAILED, Duration.ofNanos(1_234_567_891),
                new Failure(FailureKind.ASSERTION, "assert 1 == 2", "Traceback\n  line 'quoted' \"double\"\n"),
                "stdout ✔\nstderr\0nul", 1).withWarnings(3).withWorker(new WorkerRef("hostb", "gw2"));
        TestResult flaky = new TestResult(NodeId.flat(a, a + "::test_flaky"), Outcome.FLAKY, Duration.ofMillis(2),
                Failure.of(FailureKind.TIMEOUT, "timed out once"), "", 2).withMeasurements(List.of(
                new salvo.model.Measurement("voltage", 5.02, 4.9, 5.1, "V"),
                new salvo.model.Measurement("retries", 3, null, 5.0, ""),
                new salvo.model.Measurement("temperature", -0.25, -40.0, null, "°C")));
        TestResult huge = new TestResult(NodeId.flat(a, a + "::test_huge"), Outcome.PASSED, Duration.ofNanos(1),
                null, "y".repeat(TestResult.MAX_OUTPUT * 2), 1);
        List<TestResult> others = new java.util.ArrayList<>();
        for (Outcome o : Outcome.values()) {
            others.add(new TestResult(NodeId.flat("pkg/B", "pkg/B#" + o), o, seconds(0.25), null, "", 1));
        }
        UnitResult unitA = new UnitResult(new TestUnit(a, Path.of("/work/project", a), "pytest"), Outcome.FAILED,
                Duration.ofNanos(86_400_000_000_123L), List.of(failed, flaky, huge), null, 2, WorkerRef.local("w3"), 2);
        UnitResult unitB = new UnitResult(new TestUnit("pkg/B", Path.of("pkg/B.java"), "junit"), Outcome.CRASHED,
                seconds(3), others, new Failure(FailureKind.CRASH, "exit 139", "x".repeat(Failure.MAX_DETAIL + 10)),
                1, null);
        UnitResult collection = unitResult("tests/test_broken.py", Outcome.ERROR, Duration.ZERO,
                Failure.of(FailureKind.COLLECTION, "SyntaxError: invalid syntax"));
        RunInfo info = new RunInfo("run-" + "20261123_101502_123", "20261123_101502_123", Instant("2026-11-23T10:15:02.000000001Z"), null, null, "/work/project", Map.of("workers", "4", "dist", "load", "quote", "it's \"json\""));
        return new RunRecord(0, info, Instant("2026-11-23T10:16:03.999999999Z"), RunStatus.STOPPED_ON_FAILURE,
                List.of(unitA, unitB, collection));
    }

    private static java.time.Instant Instant(String text) {
        return java.time.Instant.parse(text);
    }

    @Test
    void savedRunLoadsBackEqualEvenAfterReopening() {
        RunRecord original = everything();
        RunRecord saved;
        try (SqliteStore store = SqliteStore.open(dir)) {
            saved = store.save(original);
            assertNotEquals(0, saved.id());
            assertEquals(original.withId(saved.id()), saved);
            assertEquals(saved, store.load(saved.id()).orElseThrow());
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertEquals(saved, store.load(saved.id()).orElseThrow());
        }
    }

    @Test
    void latestIsTheLastSavedRunAndUnknownIdsAreEmpty() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertTrue(store.latest().isEmpty());
            RunRecord first = store.save(run("first").build());
            RunRecord second = store.save(run("second").startedAt(salvo.model.RunBuilder.T0.minusSeconds(3600)).build());

            assertTrue(second.id() > first.id());
            assertEquals(second, store.latest().orElseThrow());
            assertTrue(store.load(second.id() + 1).isEmpty());
        }
    }

    @Test
    void freshFileGetsTheSchemaInWalModeAndReopeningChangesNothing() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("nested/.salvo"))) {
            store.save(run("one").build());
        }
        Path file = dir.resolve("nested/.salvo/salvo.db");
        int latest = SqliteSchema.LATEST;
        assertEquals(latest, userVersion(file));
        assertEquals("1,2,3", query(file, "SELECT group_concat(version) FROM (SELECT version FROM "
                + SqliteSchema.HISTORY + " WHERE success = 1 ORDER BY installed_rank)"));
        assertEquals("wal", query(file, "PRAGMA journal_mode"));
        assertEquals("1", query(file, "SELECT count(*) FROM runs"));

        try (SqliteStore store = SqliteStore.open(dir.resolve("nested/.salvo"))) {
            assertEquals(1, store.recent(10).size());
        }
        assertEquals(latest, userVersion(file));
    }

    @Test
    void aFailedUpgradeLeavesTheVersionSchemaAndRowsAsTheyWere() throws Exception {
        Path file = dir.resolve("salvo.db");
        Files.copy(SchemaUpgradeTest.releaseFixture(), file);
        // Schema 2 adds this column last, after rebuilding runs: the step fails late, with work to undo.
        update(file, "ALTER TABLE test_results ADD COLUMN node TEXT");

        SalvoError e = assertThrows(SalvoError.class, () -> SqliteStore.open(dir));

        assertTrue(e.getMessage().startsWith("store " + file + " could not update its schema ("), e.getMessage());
        assertTrue(e.getMessage().contains("duplicate column name: node"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(1, userVersion(file));
        assertEquals("2|7", query(file, "SELECT count(*) || '|' || max(tests_passed) FROM runs"));
        assertEquals("0", query(file, "SELECT count(*) FROM " + SqliteSchema.HISTORY + " WHERE version = '2' AND success = 1"));

        update(file, "ALTER TABLE test_results DROP COLUMN node");
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertEquals(2, store.recent(10).size());
        }
        assertEquals(SqliteSchema.LATEST, userVersion(file));
    }

    @Test
    void twoSalvosCreatingTheStoreAtOnceBothOpenIt() throws Exception {
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Integer> open = () -> {
            together.await();
            try (SqliteStore store = SqliteStore.open(dir)) {
                return store.recent(1).size();
            }
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(open);
            var second = pool.submit(open);
            assertEquals(0, first.get());
            assertEquals(0, second.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1,2,3", query(dir.resolve("salvo.db"), "SELECT group_concat(version) FROM (SELECT version FROM "
                + SqliteSchema.HISTORY + " ORDER BY installed_rank)"));
    }

    @Test
    void latestIsTheHighestScriptInTheSchemaFolder() throws Exception {
        Path folder = Path.of(getClass().getClassLoader().getResource(SqliteSchema.FOLDER).toURI());
        List<Integer> versions;
        try (var list = Files.list(folder)) {
            versions = list.map(p -> p.getFileName().toString())
                    .map(name -> Integer.parseInt(name.replaceFirst("^V(\\d+)__\\w+\\.sql$", "$1"))).sorted().toList();
        }
        assertEquals(java.util.stream.IntStream.rangeClosed(1, SqliteSchema.LATEST).boxed().toList(), versions);
    }

    @Test
    void fileThatIsTextIsRefusedAndLeftUntouched() throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("salvo.db");
        Files.writeString(file, "these are my notes, not a database\n".repeat(20));
        assertRefusedUntouched(file, "file is not a database");
    }

    @Test
    void truncatedDatabaseIsRefusedAndLeftUntouched() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            for (int i = 0; i < 30; i++) {
                store.save(everything());
            }
        }
        Path file = dir.resolve("salvo.db");
        Files.deleteIfExists(dir.resolve("salvo.db-wal"));
        Files.deleteIfExists(dir.resolve("salvo.db-shm"));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefusedUntouched(file, "database disk image is malformed");
    }

    private void assertRefusedUntouched(Path file, String reason) throws Exception {
        byte[] before = Files.readAllBytes(file);

        SalvoError e = assertThrows(SalvoError.class, () -> SqliteStore.open(dir));

        assertEquals("store " + file + " is not a Salvo database (" + reason
                + "): move it aside to start a new history", e.getMessage());
        assertEquals(SalvoError.USAGE, e.exitCode());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("salvo.db-wal")));
    }

    @Test
    void databaseOfAnotherProgramIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("salvo.db");
        update(file, "CREATE TABLE contacts (name TEXT)");
        byte[] before = Files.readAllBytes(file);

        SalvoError e = assertThrows(SalvoError.class, () -> SqliteStore.open(dir));

        assertTrue(e.getMessage().startsWith("store " + file + " is not a Salvo database (it holds tables"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void databaseFromANewerSalvoIsRefusedAndLeftUntouched() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.save(run("old").build());
        }
        Path file = dir.resolve("salvo.db");
        update(file, "PRAGMA user_version = 99");
        update(file, "PRAGMA journal_mode = DELETE");
        byte[] before = Files.readAllBytes(file);

        SalvoError e = assertThrows(SalvoError.class, () -> SqliteStore.open(dir));

        assertEquals(SalvoError.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("store " + file + " was written by a newer Salvo (schema version 99"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void saveIsAllOrNothing() throws Exception {
        Path file = dir.resolve("salvo.db");
        try (SqliteStore store = SqliteStore.open(dir)) {
            // A real failure in the middle of the save: the last test row is rejected by SQLite itself.
            update(file, "CREATE TRIGGER refuse BEFORE INSERT ON test_results WHEN NEW.test_id LIKE '%test_huge'"
                    + " BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");

            SalvoError e = assertThrows(SalvoError.class, () -> store.save(everything()));

            assertTrue(e.getMessage().startsWith("store " + file + " could not save the run 20261123_101502_123"
                    + " (refused by test trigger)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(store.latest().isEmpty());
            assertEquals("0", query(file, "SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM unit_results)"
                    + " + (SELECT count(*) FROM test_results)"));
            update(file, "DROP TRIGGER refuse");
            assertEquals(everything().units(), store.save(everything()).units());
        }
    }

    @Test
    void aTestListedUnderAnotherUnitIsRejected() {
        RunRecord wrong = run("x").unit(unitResult("a.py", Outcome.PASSED, Duration.ZERO, null,
                test("b.py", "t", Outcome.PASSED, 1))).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save(wrong));
            assertTrue(e.getMessage().contains("names unit b.py but is listed under unit a.py"), e.getMessage());
        }
    }

    @Test
    void unitDurationsAreMediansOfTheLastAttemptsThatFinishedNormally() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.save(runWith(RunStatus.COMPLETED, unit("a.py", Outcome.PASSED, 100), unit("b.py", Outcome.PASSED, 7)));
            store.save(runWith(RunStatus.COMPLETED, unit("a.py", Outcome.PASSED, 1), unit("b.py", Outcome.FAILED, 5)));
            store.save(runWith(RunStatus.STOPPED_ON_FAILURE, unit("a.py", Outcome.FAILED, 2)));
            store.save(runWith(RunStatus.INTERRUPTED, unit("a.py", Outcome.PASSED, 500)));
            store.save(runWith(RunStatus.COMPLETED, unit("a.py", Outcome.TIMEOUT, 600), unit("c.py", Outcome.CRASHED, 9)));
            store.save(runWith(RunStatus.COMPLETED, unit("a.py", Outcome.PASSED, 6)));

            Map<String, Duration> three = store.unitDurations(3);
            // a.py's last three counted attempts are 6, 2 and 1 (500 interrupted, 600 timed out, 100 too old)
            assertEquals(Map.of("a.py", seconds(2), "b.py", seconds(6)), three);
            assertEquals(Map.of("a.py", seconds(6), "b.py", seconds(5)), store.unitDurations(1));
            assertEquals(seconds(4), store.unitDurations(4).get("a.py"));
        }
    }

    @Test
    void testDurationsAreMediansPerTestIgnoringSkipsAndCrashes() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.save(run("r1").unit(unitResult("a.py", Outcome.PASSED, seconds(9), null,
                    test("a.py", "t", Outcome.PASSED, 1))).build());
            store.save(run("r2").unit(unitResult("a.py", Outcome.PASSED, seconds(9), null,
                    test("a.py", "t", Outcome.PASSED, 1), test("a.py", "s", Outcome.SKIPPED, 1))).build());
            Map<String, Duration> durations = store.testDurations(5);
            assertTrue(durations.containsKey("a.py::t"), durations.toString());
            assertFalse(durations.containsKey("a.py::s"), "skipped tests say nothing about duration");
        }
    }

    @Test
    void theLatestRunsIdAndItsTestsPerUnitAreAQuickReadAndItLoadsWhole() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertTrue(store.latestId().isEmpty());
            store.save(run("r1").unit(unitResult("a.py", Outcome.PASSED, seconds(1), null,
                    test("a.py", "t", Outcome.PASSED, 1))).build());
            RunRecord second = store.save(run("r2").unit(unitResult("a.py", Outcome.PASSED, seconds(1), null,
                    test("a.py", "t", Outcome.FAILED, 1), test("a.py", "t", Outcome.PASSED, 2),
                    test("a.py", "u", Outcome.PASSED, 1))).unit(unitResult("b.py", Outcome.PASSED, seconds(1), null,
                    test("b.py", "v", Outcome.SKIPPED, 1))).build());
            long id = store.latestId().orElseThrow();
            assertEquals(Map.of("a.py", 2, "b.py", 1), store.testsPerUnit(id), "a test run twice counts once");
            assertEquals(second.units().size(), store.load(id).orElseThrow().units().size());
        }
    }

    @Test
    void testDurationsAreReadWhileTheStoreIsBusyWithSomethingElse() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.save(run("r1").unit(unitResult("a.py", Outcome.PASSED, seconds(9), null,
                    test("a.py", "t", Outcome.PASSED, 1))).build());
            var reader = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                synchronized (store) { // what the journal's writes and every other call of the store hold
                    var read = reader.submit(() -> store.testDurations(5));
                    assertTrue(read.get(10, java.util.concurrent.TimeUnit.SECONDS).containsKey("a.py::t"));
                }
            } finally {
                reader.shutdownNow();
            }
        }
    }

    private static UnitResult unit(String id, Outcome outcome, double seconds) {
        return unitResult(id, outcome, seconds(seconds), null);
    }

    private static RunRecord runWith(RunStatus status, UnitResult... units) {
        var builder = run("r").status(status);
        for (UnitResult u : units) {
            builder.unit(u);
        }
        return builder.build();
    }

    @Test
    void recentListsNewestFirstWithTotalsAndUnitOutcomes() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            RunRecord one = store.save(run("one").build());
            RunRecord two = store.save(everything());
            RunRecord three = store.save(run("three").wall(seconds(12.5)).status(RunStatus.INTERRUPTED)
                    .unit("x.py", test("x.py", "t", Outcome.PASSED, 1), test("x.py", "u", Outcome.SKIPPED, 0)).build());

            List<RunSummary> recent = store.recent(2);

            assertEquals(List.of(three.id(), two.id()), recent.stream().map(RunSummary::id).toList());
            RunSummary newest = recent.get(0);
            assertEquals("three", newest.label());
            assertEquals(RunStatus.INTERRUPTED, newest.status());
            assertEquals(seconds(12.5), newest.wallTime());
            assertEquals(three.info().started(), newest.started());
            assertEquals(three.totals(), newest.totals());
            assertEquals(Map.of("x.py", Outcome.PASSED), newest.unitOutcomes());
            assertEquals(two.totals(), recent.get(1).totals());
            assertEquals(Map.of("tests/test_a.py", Outcome.FAILED, "pkg/B", Outcome.CRASHED,
                    "tests/test_broken.py", Outcome.ERROR), recent.get(1).unitOutcomes());
            assertEquals(3, store.recent(10).size());
            assertEquals(one.id(), store.recent(10).get(2).id());
            assertThrows(IllegalArgumentException.class, () -> store.recent(0));
        }
    }

    private static int userVersion(Path file) throws SQLException {
        return Integer.parseInt(query(file, "PRAGMA user_version"));
    }

    private static String query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void update(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
