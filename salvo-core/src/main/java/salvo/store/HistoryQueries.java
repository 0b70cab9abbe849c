package salvo.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.model.Measurement;
import salvo.model.NodeId;
import salvo.model.TestMeasurement;
import salvo.model.Outcome;
import salvo.model.RunStatus;
import salvo.model.Totals;

/** Questions asked across many runs: history lines and expected unit durations. */
final class HistoryQueries {
    private static final String RECENT_RUNS = "SELECT * FROM runs ORDER BY id DESC LIMIT ?";

    private static final String RECENT_UNITS = "SELECT run_id, unit_id, outcome FROM unit_results"
            + " WHERE run_id IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?) ORDER BY run_id, position";

    // Counted, not stored: a new Outcome needs no new column. Only tests count, as in Totals.of;
    // rows from before schema 2 are tests by the column's default.
    private static final String RECENT_TESTS = "SELECT u.run_id, t.outcome, count(*) AS tests"
            + " FROM test_results t JOIN unit_results u ON u.id = t.unit_result_id"
            + " WHERE u.run_id IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)"
            + "  AND t.kind = '" + NodeId.Kind.TEST + "'"
            + " GROUP BY u.run_id, t.outcome";

    // As Totals.of counts them: each unit's own and all of its nodes'.
    private static final String RECENT_WARNINGS = "SELECT u.run_id, sum(u.warnings"
            + " + (SELECT coalesce(sum(t.warnings), 0) FROM test_results t WHERE t.unit_result_id = u.id)) AS warnings"
            + " FROM unit_results u WHERE u.run_id IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?) GROUP BY u.run_id";

    private static final String RECENT_MEASUREMENTS = "SELECT u.run_id, t.test_id, m.name, m.value, m.low, m.high, m.unit"
            + " FROM measurements m JOIN unit_results u ON u.id = m.unit_result_id"
            + " JOIN test_results t ON t.unit_result_id = m.unit_result_id AND t.position = m.test_position"
            + " WHERE u.run_id IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)"
            + " ORDER BY u.run_id, u.position, m.test_position, m.ordinal";

    // A unit's last N attempts in runs that went to their end; crashed and timed-out attempts say
    // nothing about how long the unit takes, so they do not count.
    private static final String UNIT_DURATIONS = "SELECT unit_id, duration_ms FROM ("
            + " SELECT u.unit_id, u.duration_ms,"
            + "  row_number() OVER (PARTITION BY u.unit_id ORDER BY u.run_id DESC) AS recency"
            + " FROM unit_results u JOIN runs r ON r.id = u.run_id"
            + " WHERE r.status IN ('" + RunStatus.COMPLETED + "', '" + RunStatus.STOPPED_ON_FAILURE + "')"
            + "  AND u.outcome NOT IN ('" + Outcome.CRASHED + "', '" + Outcome.TIMEOUT + "')"
            + ") WHERE recency <= ?";

    /**
     * A test's durations in the last runs of its unit: the window ranks unit rows (a few per file
     * and run), not test rows, so reading estimates costs the recent runs' tests, not all history;
     * and a run of some files only does not push the other files' tests out of it.
     */
    private static final String TEST_DURATIONS = "SELECT t.test_id, t.duration_ms FROM ("
            + " SELECT u.id, row_number() OVER (PARTITION BY u.unit_id ORDER BY u.run_id DESC) AS recency"
            + " FROM unit_results u JOIN runs r ON r.id = u.run_id"
            + " WHERE r.status IN ('" + RunStatus.COMPLETED + "', '" + RunStatus.STOPPED_ON_FAILURE + "')"
            + ") recent JOIN test_results t ON t.unit_result_id = recent.id"
            + " WHERE recent.recency <= ?"
            + "  AND t.outcome NOT IN ('" + Outcome.CRASHED + "', '" + Outcome.TIMEOUT + "', '" + Outcome.SKIPPED + "')";

    private final Connection connection;
    private final Columns columns;

    HistoryQueries(Connection connection, Columns columns) {
        this.connection = connection;
        this.columns = columns;
    }

    /** Newest first: the most recently saved run leads. */
    List<RunSummary> recent(int limit) throws SQLException {
        Map<Long, Map<String, Outcome>> unitOutcomes = new HashMap<>();
        Map<Long, Map<Outcome, Integer>> unitTotals = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(RECENT_UNITS)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long runId = rs.getLong("run_id");
                    Outcome outcome = columns.named(Outcome.class, rs.getString("outcome"));
                    unitOutcomes.computeIfAbsent(runId, id -> new LinkedHashMap<>()).put(rs.getString("unit_id"), outcome);
                    unitTotals.computeIfAbsent(runId, id -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
                }
            }
        }
        Map<Long, Map<Outcome, Integer>> testTotals = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(RECENT_TESTS)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    testTotals.computeIfAbsent(rs.getLong("run_id"), id -> new EnumMap<>(Outcome.class))
                            .put(columns.named(Outcome.class, rs.getString("outcome")), rs.getInt("tests"));
                }
            }
        }
        Map<Long, Integer> warnings = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(RECENT_WARNINGS)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    warnings.put(rs.getLong("run_id"), rs.getInt("warnings"));
                }
            }
        }
        Map<Long, List<TestMeasurement>> measured = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(RECENT_MEASUREMENTS)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    measured.computeIfAbsent(rs.getLong("run_id"), id -> new ArrayList<>()).add(new TestMeasurement(
                            rs.getString("test_id"), new Measurement(rs.getString("name"), rs.getDouble("value"),
                            Columns.nullableDouble(rs, "low"), Columns.nullableDouble(rs, "high"), rs.getString("unit"))));
                }
            }
        }
        List<RunSummary> summaries = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(RECENT_RUNS)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    var started = columns.instant(rs.getString("started"));
                    var finished = columns.instant(rs.getString("finished"));
                    Totals totals = new Totals(testTotals.getOrDefault(id, Map.of()), unitTotals.getOrDefault(id, Map.of()),
                            warnings.getOrDefault(id, 0));
                    summaries.add(new RunSummary(id, rs.getString("label"), started, Duration.between(started, finished),
                            columns.named(RunStatus.class, rs.getString("status")), rs.getString("git_commit"),
                            totals, unitOutcomes.getOrDefault(id, Map.of()), measured.getOrDefault(id, List.of())));
                }
            }
        }
        return summaries;
    }

    Map<String, Duration> unitDurations(int lastRuns) throws SQLException {
        return medians(UNIT_DURATIONS, "unit_id", lastRuns);
    }

    /** Tests per unit of one run (distinct test ids of kind TEST), to estimate the next run's progress. */
    Map<String, Integer> testsPerUnit(long runId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT u.unit_id, count(DISTINCT t.test_id) "
                + "FROM unit_results u JOIN test_results t ON t.unit_result_id = u.id "
                + "WHERE u.run_id = ? AND t.kind = 'TEST' GROUP BY u.unit_id")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    Map<String, Duration> testDurations(int lastRuns) throws SQLException {
        return medians(TEST_DURATIONS, "test_id", lastRuns);
    }

    /**
     * The median duration per key over its last {@code lastRuns} rows, as selected by {@code sql}
     * (key, milliseconds). SQLite groups the rows and hands over one row per key with its
     * durations joined: at 100 000 tests and 5 runs, 100 000 rows cross JDBC instead of 500 000,
     * which took the reading thread 1.8 s, most of it in the driver's calls per row.
     */
    private Map<String, Duration> medians(String sql, String keyColumn, int lastRuns) throws SQLException {
        Map<String, Duration> medians = new HashMap<>();
        Samples samples = new Samples(lastRuns);
        try (PreparedStatement s = connection.prepareStatement("SELECT " + keyColumn + ", group_concat(duration_ms)"
                + " FROM (" + sql + ") GROUP BY " + keyColumn)) {
            s.setInt(1, lastRuns);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String joined = rs.getString(2);
                    if (joined != null && samples.of(joined).size() > 0) {
                        medians.put(rs.getString(1), Columns.duration(samples.median()));
                    }
                }
            }
        }
        return medians;
    }

    /** A key's durations in milliseconds, one key at a time. */
    private static final class Samples {
        private double[] values;
        private int size;

        Samples(int expected) {
            values = new double[Math.max(1, expected)];
        }

        /** @param joined SQLite's group_concat of the durations: decimals separated by commas */
        Samples of(String joined) {
            size = 0;
            int from = 0;
            while (from <= joined.length()) {
                int comma = joined.indexOf(',', from);
                int to = comma < 0 ? joined.length() : comma;
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                try {
                    values[size] = Double.parseDouble(joined.substring(from, to));
                    size++;
                } catch (NumberFormatException notFinite) {
                    // SQLite's "Inf": no duration to estimate with
                }
                from = to + 1;
            }
            return this;
        }

        int size() {
            return size;
        }

        double median() {
            Arrays.sort(values, 0, size);
            int middle = size / 2;
            return size % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }
    }
}
