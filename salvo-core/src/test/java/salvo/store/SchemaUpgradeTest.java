package salvo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.RunBuilder;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.Totals;
import salvo.model.UnitResult;

/**
 * A store written by the release before the journal (commit d2a501f: two runs of
 * examples/pytest-basic, schema 1 applied by Salvo's own runner, no Flyway history) is upgraded in
 * place and reads as it did.
 */
class SchemaUpgradeTest {
    @TempDir
    Path dir;

    static Path releaseFixture() throws URISyntaxException {
        return Path.of(SchemaUpgradeTest.class.getResource("release-d2a501f.db").toURI());
    }

    private Path copyFixture() throws Exception {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        Files.copy(releaseFixture(), file);
        return file;
    }

    @Test
    void releaseStoreIsUpgradedInPlaceAndReadsAsBefore() throws Exception {
        Path file = copyFixture();
        assertEquals("1", query(file, "PRAGMA user_version"));
        // What the release stored, read with its own columns before the upgrade.
        List<String> before = rows(file, "SELECT id || ' ' || label || ' ' || status || ' ' || tests_passed || ' '"
                + " || tests_failed || ' ' || tests_skipped || ' ' || tests_xfailed FROM runs ORDER BY id");
        List<String> testsBefore = rows(file, "SELECT u.run_id || ' ' || t.test_id || ' ' || t.outcome || ' ' || t.duration_ms"
                + " FROM test_results t JOIN unit_results u ON u.id = t.unit_result_id ORDER BY u.run_id, u.position, t.position");

        try (SqliteStore store = SqliteStore.open(dir)) {
            List<RunSummary> recent = store.recent(10);
            assertEquals(List.of(2L, 1L), recent.stream().map(RunSummary::id).toList());
            List<String> after = new ArrayList<>();
            for (RunSummary s : List.of(recent.get(1), recent.get(0))) {
                Totals t = s.totals();
                after.add(s.id() + " " + s.label() + " " + s.status() + " " + t.tests(Outcome.PASSED) + " "
                        + t.tests(Outcome.FAILED) + " " + t.tests(Outcome.SKIPPED) + " " + t.tests(Outcome.XFAILED));
                assertEquals(11, t.testCount());
                assertEquals(5, t.unitCount());
            }
            assertEquals(before, after);

            List<String> testsAfter = new ArrayList<>();
            for (long id : List.of(1L, 2L)) {
                RunRecord run = store.load(id).orElseThrow();
                assertEquals("", run.info().id(), "runs from before schema 2 have no run id");
                assertEquals(RunStatus.COMPLETED, run.status());
                assertEquals(run.totals(), recent.get((int) (2 - id)).totals());
                for (UnitResult unit : run.units()) {
                    for (TestResult test : unit.tests()) {
                        assertEquals(NodeId.flat(unit.unit().id(), test.testId()), test.node());
                        testsAfter.add(id + " " + test.testId() + " " + test.outcome() + " "
                                + Columns.millis(test.duration()));
                    }
                }
            }
            assertEquals(testsBefore.stream().map(SchemaUpgradeTest::plainMillis).toList(),
                    testsAfter.stream().map(SchemaUpgradeTest::plainMillis).toList());
            assertEquals(2, store.latest().orElseThrow().id());
            assertEquals(5, store.unitDurations(5).size());
        }
        assertEquals(String.valueOf(SqliteSchema.LATEST), query(file, "PRAGMA user_version"));
        assertEquals("1 BASELINE,2 SQL,3 SQL", query(file, "SELECT group_concat(version || ' ' || type) FROM (SELECT * FROM "
                + SqliteSchema.HISTORY + " ORDER BY installed_rank)"));
        assertEquals("0", query(file, "SELECT count(*) FROM pragma_table_info('runs') WHERE name LIKE 'tests\\_%' ESCAPE '\\'"));
        assertEquals("[]", rows(file, "PRAGMA foreign_key_check").toString());
    }

    @Test
    void aNewRunIsJournaledOnTopOfTheUpgradedStore() throws Exception {
        copyFixture();
        RunRecord next = RunBuilder.run("third").unit("tests/test_new.py",
                RunBuilder.test("tests/test_new.py", "t", Outcome.PASSED, 0.5)).build();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Journal journal = store.journal();
            Events.play(journal, next);
            RunRecord saved = journal.finish(next);
            assertEquals(3, saved.id());
            assertEquals(saved, store.load(3).orElseThrow());
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertEquals(List.of(3L, 2L, 1L), store.recent(10).stream().map(RunSummary::id).toList());
            assertEquals(Map.of(Outcome.PASSED, 1), store.recent(1).get(0).totals().tests());
            assertEquals(7, store.load(1).orElseThrow().totals().tests(Outcome.PASSED));
        }
    }

    // Durations went in as REAL and come out as REAL: compare them as the same kind of number.
    private static String plainMillis(String row) {
        int space = row.lastIndexOf(' ');
        return row.substring(0, space + 1) + Columns.millis(Columns.duration(Double.parseDouble(row.substring(space + 1))));
    }

    static String query(Path file, String sql) throws SQLException {
        List<String> rows = rows(file, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static List<String> rows(Path file, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
