package salvo.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import salvo.model.Measurement;
import salvo.model.NodeId;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/**
 * Writes runs, units and tests: the one writer of both a whole run ({@link SqliteStore#save}) and
 * a run as it happens ({@link Journal}). The caller owns the transaction, and closes the writer
 * at its end.
 */
final class RunWriter implements AutoCloseable {
    private static final String INSERT_RUN = "INSERT INTO runs (uid, label, started, finished, host, git_commit,"
            + " root_dir, config, status, owner_pid, owner_started, owner_host)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private static final String UPDATE_RUN = "UPDATE runs SET uid = ?, label = ?, started = ?, finished = ?, host = ?,"
            + " git_commit = ?, root_dir = ?, config = ?, status = ? WHERE id = ?";

    private static final String INSERT_UNIT = "INSERT INTO unit_results (run_id, position, unit_id, adapter, path,"
            + " outcome, duration_ms, attempts, worker, failure_kind, failure_message, failure_detail, warnings)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private static final String UPDATE_UNIT = "UPDATE unit_results SET unit_id = ?, adapter = ?, path = ?, outcome = ?,"
            + " duration_ms = ?, attempts = ?, worker = ?, failure_kind = ?, failure_message = ?, failure_detail = ?,"
            + " warnings = ? WHERE id = ?";

    // OR REPLACE: the journal writes a test again at its position when a retried unit runs it again.
    private static final String PUT_TEST = "INSERT OR REPLACE INTO test_results (unit_result_id, position, test_id,"
            + " kind, parent_id, node, outcome, duration_ms, attempt, failure_kind, failure_message, failure_detail,"
            + " output, warnings, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String DROP_MEASUREMENTS = "DELETE FROM measurements WHERE unit_result_id = ?"
            + " AND test_position = ?";

    private static final String PUT_MEASUREMENT = "INSERT INTO measurements (unit_result_id, test_position, ordinal, name,"
            + " value, low, high, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    /** The statements written once per test, prepared once per transaction: a journal flush writes hundreds. */
    private final Map<String, PreparedStatement> reused = new HashMap<>();

    RunWriter(Connection connection) {
        this.connection = connection;
    }

    private PreparedStatement reused(String sql) throws SQLException {
        PreparedStatement statement = reused.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            reused.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : reused.values()) {
            statement.close();
        }
        reused.clear();
    }

    /** A whole run, its units and their tests. @return the new run's id */
    long insert(RunRecord run, Owner owner) throws SQLException {
        long runId = insertRun(run, owner);
        insertUnits(runId, run.units());
        return runId;
    }

    /** The run's own row, without units: what the journal writes when a run starts. */
    long insertRun(RunRecord run, Owner owner) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT_RUN)) {
            int next = bindRun(s, run);
            s.setLong(next, owner.pid());
            if (owner.started() == null) {
                s.setNull(next + 1, Types.VARCHAR);
            } else {
                s.setString(next + 1, Columns.time(owner.started()));
            }
            s.setString(next + 2, owner.host());
            return generatedId(s);
        }
    }

    /**
     * Makes run {@code runId} what {@code run} says, keeping the id: its row, and its units in the
     * record's order. The rows in {@code kept} (by unit id) already hold their unit's final result
     * and only take their place; every other unit row of the run is replaced.
     */
    void settle(long runId, RunRecord run, Map<String, Long> kept) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(UPDATE_RUN)) {
            s.setLong(bindRun(s, run), runId);
            if (s.executeUpdate() != 1) {
                throw new SQLException("run #" + runId + " is missing from the store");
            }
        }
        // Tests and measurements go with their unit rows (ON DELETE CASCADE); the kept rows step
        // aside to negative positions, so that each can take its new one without a collision.
        try (PreparedStatement drop = connection.prepareStatement("DELETE FROM unit_results WHERE run_id = ? AND position >= 0");
             PreparedStatement aside = connection.prepareStatement("UPDATE unit_results SET position = -1 - position WHERE id = ?")) {
            for (long row : kept.values()) {
                aside.setLong(1, row);
                aside.addBatch();
            }
            aside.executeBatch();
            drop.setLong(1, runId);
            drop.executeUpdate();
        }
        try (PreparedStatement place = connection.prepareStatement("UPDATE unit_results SET position = ? WHERE id = ?")) {
            List<UnitResult> units = run.units();
            for (int position = 0; position < units.size(); position++) {
                Long row = kept.get(units.get(position).unit().id());
                if (row == null) {
                    insertUnit(runId, position, units.get(position));
                } else {
                    place.setInt(1, position);
                    place.setLong(2, row);
                    place.executeUpdate();
                }
            }
        }
    }

    /** Keeps a RUNNING run's {@code finished} at its last write, so an abandoned run shows how far it got. */
    void touch(long runId, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE runs SET finished = ? WHERE id = ? AND status = '" + RunStatus.RUNNING + "'")) {
            s.setString(1, Columns.time(now));
            s.setLong(2, runId);
            s.executeUpdate();
        }
    }

    /**
     * Ends a RUNNING run whose Salvo died. Its units that never finished are INCOMPLETE already:
     * that is how the journal writes a unit until its final attempt ends.
     */
    void markIncomplete(long runId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE runs SET status = '" + RunStatus.INCOMPLETE
                + "' WHERE id = ? AND status = '" + RunStatus.RUNNING + "'")) {
            s.setLong(1, runId);
            s.executeUpdate();
        }
    }

    /** @return the unit row's id */
    long insertUnit(long runId, int position, UnitResult unit) throws SQLException {
        long unitRowId;
        try (PreparedStatement s = connection.prepareStatement(INSERT_UNIT)) {
            s.setLong(1, runId);
            s.setInt(2, position);
            bindUnit(s, 3, unit);
            unitRowId = generatedId(s);
        }
        putTests(unitRowId, 0, unit.tests());
        return unitRowId;
    }

    /** Replaces a unit row and all its tests by {@code unit}, keeping its id and position. */
    void replaceUnit(long unitRowId, UnitResult unit) throws SQLException {
        updateUnit(unitRowId, unit);
        for (String table : new String[] {"test_results", "measurements"}) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE unit_result_id = ?")) {
                s.setLong(1, unitRowId);
                s.executeUpdate();
            }
        }
        putTests(unitRowId, 0, unit.tests());
    }

    /** Rewrites a unit's own row, keeping its id, position and tests. */
    void updateUnit(long unitRowId, UnitResult unit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(UPDATE_UNIT)) {
            s.setLong(bindUnit(s, 1, unit), unitRowId);
            s.executeUpdate();
        }
    }

    /** Writes tests at consecutive positions from {@code first}, where no test was written yet. */
    void putTests(long unitRowId, int first, List<TestResult> tests) throws SQLException {
        if (tests.isEmpty()) {
            return;
        }
        PreparedStatement s = reused(PUT_TEST);
        for (int i = 0; i < tests.size(); i++) {
            bindTest(s, unitRowId, first + i, tests.get(i));
            s.addBatch();
        }
        s.executeBatch();
        putMeasurements(unitRowId, first, tests);
    }

    /** Writes one test at its position, replacing the one there and its measurements. */
    void replaceTest(long unitRowId, int position, TestResult test) throws SQLException {
        PreparedStatement drop = reused(DROP_MEASUREMENTS);
        drop.setLong(1, unitRowId);
        drop.setInt(2, position);
        drop.executeUpdate();
        putTests(unitRowId, position, List.of(test));
    }

    private void putMeasurements(long unitRowId, int first, List<TestResult> tests) throws SQLException {
        if (tests.stream().allMatch(t -> t.measurements().isEmpty())) {
            return; // most tests measure nothing
        }
        PreparedStatement put = reused(PUT_MEASUREMENT);
        for (int i = 0; i < tests.size(); i++) {
            List<Measurement> measured = tests.get(i).measurements();
            for (int m = 0; m < measured.size(); m++) {
                bindMeasurement(put, unitRowId, first + i, m, measured.get(m));
                put.addBatch();
            }
        }
        put.executeBatch();
    }

    private static void bindMeasurement(PreparedStatement s, long unitRowId, int position, int ordinal, Measurement m)
            throws SQLException {
        s.setLong(1, unitRowId);
        s.setInt(2, position);
        s.setInt(3, ordinal);
        s.setString(4, m.name());
        s.setDouble(5, m.value());
        Columns.bindNullable(s, 6, m.low());
        Columns.bindNullable(s, 7, m.high());
        s.setString(8, m.unit());
    }

    private void insertUnits(long runId, List<UnitResult> units) throws SQLException {
        for (int position = 0; position < units.size(); position++) {
            insertUnit(runId, position, units.get(position));
        }
    }

    /** Binds uid to status from parameter 1. @return the next parameter */
    private static int bindRun(PreparedStatement s, RunRecord run) throws SQLException {
        RunInfo info = run.info();
        s.setString(1, info.id());
        s.setString(2, info.label());
        s.setString(3, Columns.time(info.started()));
        s.setString(4, Columns.time(run.finished()));
        s.setString(5, info.host());
        s.setString(6, info.gitCommit());
        s.setString(7, info.rootDir());
        s.setString(8, Columns.json(info.config()));
        s.setString(9, run.status().name());
        return 10;
    }

    /** Binds unit_id to warnings from parameter {@code first}. @return the next parameter */
    private static int bindUnit(PreparedStatement s, int first, UnitResult unit) throws SQLException {
        s.setString(first, unit.unit().id());
        s.setString(first + 1, unit.unit().adapter());
        s.setString(first + 2, unit.unit().path().toString());
        s.setString(first + 3, unit.outcome().name());
        s.setDouble(first + 4, Columns.millis(unit.duration()));
        s.setInt(first + 5, unit.attempts());
        s.setString(first + 6, unit.worker().label());
        Columns.bindFailure(s, first + 7, unit.failure());
        s.setInt(first + 10, unit.warnings());
        return first + 11;
    }

    private static void bindTest(PreparedStatement s, long unitRowId, int position, TestResult test) throws SQLException {
        NodeId node = test.node();
        s.setLong(1, unitRowId);
        s.setInt(2, position);
        s.setString(3, test.testId());
        s.setString(4, node.kind().name());
        s.setString(5, node.parent().map(NodeId::id).orElse(null));
        s.setString(6, Columns.node(node));
        s.setString(7, test.outcome().name());
        s.setDouble(8, Columns.millis(test.duration()));
        s.setInt(9, test.attempt());
        Columns.bindFailure(s, 10, test.failure());
        s.setString(13, test.output());
        s.setInt(14, test.warnings());
        s.setString(15, test.worker().label());
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
