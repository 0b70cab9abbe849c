package salvo.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.TestResult;
import salvo.model.Totals;
import salvo.model.UnitResult;

/** Inserts one run with its units and tests. The caller owns the transaction. */
final class RunWriter {
    /** Outcomes with a count column in schema 1 (INCOMPLETE came later). */
    static final List<Outcome> COUNTED = Stream.of(Outcome.values()).filter(o -> o != Outcome.INCOMPLETE).toList();

    private static final List<String> TOTAL_COLUMNS = COUNTED.stream()
            .map(RunWriter::totalColumn).collect(Collectors.toList());

    private static final String INSERT_RUN = "INSERT INTO runs (label, started, finished, host, git_commit, root_dir,"
            + " config, status, " + String.join(", ", TOTAL_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?"
            + ", ?".repeat(TOTAL_COLUMNS.size()) + ") RETURNING id";

    private static final String INSERT_UNIT = "INSERT INTO unit_results (run_id, position, unit_id, adapter, path,"
            + " outcome, duration_ms, attempts, worker, failure_kind, failure_message, failure_detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private static final String INSERT_TEST = "INSERT INTO test_results (unit_result_id, position, test_id, outcome,"
            + " duration_ms, attempt, failure_kind, failure_message, failure_detail, output)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;

    RunWriter(Connection connection) {
        this.connection = connection;
    }

    /** The runs column that counts tests with this outcome. */
    static String totalColumn(Outcome outcome) {
        return "tests_" + outcome.name().toLowerCase(Locale.ROOT);
    }

    /** @return the new run's id */
    long insert(RunRecord run) throws SQLException {
        long runId = insertRun(run);
        try (PreparedStatement units = connection.prepareStatement(INSERT_UNIT);
             PreparedStatement tests = connection.prepareStatement(INSERT_TEST)) {
            for (int position = 0; position < run.units().size(); position++) {
                UnitResult unit = run.units().get(position);
                long unitRowId = insertUnit(units, runId, position, unit);
                insertTests(tests, unitRowId, unit.tests());
            }
        }
        return runId;
    }

    private long insertRun(RunRecord run) throws SQLException {
        RunInfo info = run.info();
        Totals totals = run.totals();
        try (PreparedStatement s = connection.prepareStatement(INSERT_RUN)) {
            s.setString(1, info.label());
            s.setString(2, Columns.time(info.started()));
            s.setString(3, Columns.time(run.finished()));
            s.setString(4, info.host());
            s.setString(5, info.gitCommit());
            s.setString(6, info.rootDir());
            s.setString(7, Columns.json(info.config()));
            s.setString(8, run.status().name());
            int index = 9;
            for (Outcome outcome : COUNTED) {
                s.setInt(index++, totals.tests(outcome));
            }
            return generatedId(s);
        }
    }

    private static long insertUnit(PreparedStatement s, long runId, int position, UnitResult unit) throws SQLException {
        s.setLong(1, runId);
        s.setInt(2, position);
        s.setString(3, unit.unit().id());
        s.setString(4, unit.unit().adapter());
        s.setString(5, unit.unit().path().toString());
        s.setString(6, unit.outcome().name());
        s.setDouble(7, Columns.millis(unit.duration()));
        s.setInt(8, unit.attempts());
        s.setString(9, unit.worker().label());
        Columns.bindFailure(s, 10, unit.failure());
        return generatedId(s);
    }

    private static void insertTests(PreparedStatement s, long unitRowId, List<TestResult> tests) throws SQLException {
        if (tests.isEmpty()) {
            return;
        }
        for (int position = 0; position < tests.size(); position++) {
            TestResult test = tests.get(position);
            s.setLong(1, unitRowId);
            s.setInt(2, position);
            s.setString(3, test.testId());
            s.setString(4, test.outcome().name());
            s.setDouble(5, Columns.millis(test.duration()));
            s.setInt(6, test.attempt());
            Columns.bindFailure(s, 7, test.failure());
            s.setString(10, test.output());
            s.addBatch();
        }
        s.executeBatch();
    }

    private static long generatedId(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("INSERT ... RETURNING id returned no row");
            }
            return rs.getLong(1);
        }
    }
}
