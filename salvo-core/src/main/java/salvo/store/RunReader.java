package salvo.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.model.Failure;
import salvo.model.Measurement;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.WorkerRef;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/** Rebuilds whole runs, exactly as they were saved. */
final class RunReader {
    private static final String UNITS = "SELECT id, unit_id, adapter, path, outcome, duration_ms, attempts, worker,"
            + " failure_kind, failure_message, failure_detail, warnings FROM unit_results WHERE run_id = ? ORDER BY position";

    private static final String MEASUREMENTS = "SELECT m.unit_result_id, m.test_position, m.name, m.value, m.low,"
            + " m.high, m.unit FROM measurements m JOIN unit_results u ON u.id = m.unit_result_id"
            + " WHERE u.run_id = ? ORDER BY m.unit_result_id, m.test_position, m.ordinal";

    private static final String TESTS = "SELECT t.unit_result_id, t.position, t.test_id, t.node, t.outcome, t.duration_ms, t.attempt,"
            + " t.failure_kind, t.failure_message, t.failure_detail, t.output, t.warnings, t.worker"
            + " FROM test_results t JOIN unit_results u ON u.id = t.unit_result_id"
            + " WHERE u.run_id = ? ORDER BY u.position, t.position";

    private final Connection connection;
    private final Columns columns;

    RunReader(Connection connection, Columns columns) {
        this.connection = connection;
        this.columns = columns;
    }

    /**
     * The most recently started run that ended (or was found abandoned): a RUNNING run has no
     * final results yet, so it is no run to compare with.
     */
    Optional<Long> latestId() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(id) FROM runs WHERE status <> '" + RunStatus.RUNNING + "'")) {
            long id = rs.next() ? rs.getLong(1) : 0;
            return id == 0 ? Optional.empty() : Optional.of(id);
        }
    }

    Optional<RunRecord> load(long id) throws SQLException {
        RunInfo info;
        Instant finished;
        RunStatus status;
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                info = new RunInfo(rs.getString("uid"), rs.getString("label"), columns.instant(rs.getString("started")),
                        rs.getString("host"), rs.getString("git_commit"), rs.getString("root_dir"),
                        columns.config(rs.getString("config")));
                finished = columns.instant(rs.getString("finished"));
                status = columns.named(RunStatus.class, rs.getString("status"));
            }
        }
        return Optional.of(new RunRecord(id, info, finished, status, units(id)));
    }

    private List<UnitResult> units(long runId) throws SQLException {
        Map<Long, List<TestResult>> testsByUnitRow = new LinkedHashMap<>();
        Map<Long, UnitRow> unitRows = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(UNITS)) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UnitRow row = new UnitRow(rs.getString("unit_id"), rs.getString("adapter"), rs.getString("path"),
                            columns.named(Outcome.class, rs.getString("outcome")), rs.getDouble("duration_ms"),
                            rs.getInt("attempts"), rs.getString("worker"), columns.failure(rs), rs.getInt("warnings"));
                    unitRows.put(rs.getLong("id"), row);
                    testsByUnitRow.put(rs.getLong("id"), new ArrayList<>());
                }
            }
        }
        Map<String, List<Measurement>> measured = measurements(runId);
        try (PreparedStatement s = connection.prepareStatement(TESTS)) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long unitRowId = rs.getLong("unit_result_id");
                    NodeId node = columns.node(rs.getString("node"), unitRows.get(unitRowId).unitId(), rs.getString("test_id"));
                    TestResult test = new TestResult(node,
                            columns.named(Outcome.class, rs.getString("outcome")),
                            Columns.duration(rs.getDouble("duration_ms")), columns.failure(rs),
                            rs.getString("output"), rs.getInt("attempt"), rs.getInt("warnings"),
                            measured.getOrDefault(unitRowId + ":" + rs.getInt("position"), List.of()),
                            WorkerRef.parse(rs.getString("worker")));
                    testsByUnitRow.get(unitRowId).add(test);
                }
            }
        }
        List<UnitResult> units = new ArrayList<>(unitRows.size());
        unitRows.forEach((rowId, row) -> units.add(row.toResult(testsByUnitRow.get(rowId))));
        return units;
    }

    /** Each test's measurements in order, by {@code unitRowId:position}. */
    private Map<String, List<Measurement>> measurements(long runId) throws SQLException {
        Map<String, List<Measurement>> byTest = new java.util.HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(MEASUREMENTS)) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byTest.computeIfAbsent(rs.getLong("unit_result_id") + ":" + rs.getInt("test_position"),
                            k -> new ArrayList<>()).add(new Measurement(rs.getString("name"), rs.getDouble("value"),
                            Columns.nullableDouble(rs, "low"), Columns.nullableDouble(rs, "high"), rs.getString("unit")));
                }
            }
        }
        return byTest;
    }

    private record UnitRow(String unitId, String adapter, String path, Outcome outcome, double durationMillis,
                           int attempts, String worker, Failure failure, int warnings) {
        UnitResult toResult(List<TestResult> tests) {
            return new UnitResult(new TestUnit(unitId, Path.of(path), adapter), outcome,
                    Columns.duration(durationMillis), tests, failure, attempts, WorkerRef.parse(worker), warnings);
        }
    }
}
