package salvo.sequence.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.bundle.SqliteNative;

/**
 * The report database (SEQUENCES.md §6.1): the original's header and tests tables, in a file or
 * in memory. Each row is committed as it comes (§9.19), so a crash keeps what finished; rows
 * come from every branch's thread, hence one lock.
 */
public final class ReportDatabase implements AutoCloseable {
    private static final String SCHEMA_HEADER = "CREATE TABLE header(key TEXT, value TEXT)";
    private static final String SCHEMA_TESTS = "CREATE TABLE tests(timestamp_start INT, test_id INT NOT NULL, "
            + "parent_id INT, level INT, test_name TEXT, test_type TEXT, report_key TEXT, result TEXT, message TEXT, "
            + "duration INT, log TEXT, data JSON)";

    private final Connection connection;
    private final Path file;

    private ReportDatabase(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** A new database at {@code file} (which must not exist), or in memory when it is null. */
    public static ReportDatabase create(Path file) throws SQLException {
        SqliteNative.awaitChoice();
        Connection c = DriverManager.getConnection(file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            // A row is committed as it ends so that a crash of Salvo keeps it; waiting for the disk
            // on each (fsync) would cost milliseconds per row and protects only from a power cut.
            s.execute("PRAGMA synchronous = OFF");
            s.execute(SCHEMA_HEADER);
            s.execute(SCHEMA_TESTS);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new ReportDatabase(c, file);
    }

    /** The file, or null in memory. */
    public Path file() {
        return file;
    }

    public synchronized void header(String key, String value) throws SQLException {
        // §9.18: bound parameters, never formatted into the statement.
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO header(key, value) VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    public synchronized void insert(ReportRow r) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO tests(timestamp_start, test_id, parent_id, "
                + "level, test_name, test_type, report_key, result, message, duration, log, data) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, r.timestampStart());
            p.setInt(2, r.testId());
            if (r.parentId() == null) {
                p.setNull(3, Types.INTEGER);
            } else {
                p.setInt(3, r.parentId());
            }
            p.setInt(4, r.level());
            p.setString(5, r.testName());
            p.setString(6, r.testType());
            p.setString(7, r.reportKey());
            p.setString(8, r.result());
            p.setString(9, r.message());
            p.setLong(10, r.duration());
            p.setString(11, r.log());
            p.setString(12, r.data());
            p.executeUpdate();
        }
    }

    /** The header rows in the order written. */
    public synchronized Map<String, String> header() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM header ORDER BY rowid")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * The rows whose name matches any pattern or whose key matches any key (SQL LIKE), all rows
     * when there is neither, ordered by start (§6.2).
     */
    public synchronized List<ReportRow> rows(List<String> patterns, List<String> keys) throws SQLException {
        List<String> where = new ArrayList<>();
        patterns.forEach(p -> where.add("test_name LIKE ?"));
        keys.forEach(k -> where.add("report_key LIKE ?"));
        String sql = "SELECT timestamp_start, test_id, parent_id, level, test_name, test_type, report_key, result, "
                + "message, duration, log, data FROM tests" + (where.isEmpty() ? "" : " WHERE " + String.join(" OR ", where))
                + " ORDER BY timestamp_start, test_id, rowid";
        List<ReportRow> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            int i = 1;
            for (String s : patterns) {
                p.setString(i++, s);
            }
            for (String s : keys) {
                p.setString(i++, s);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int parent = rs.getInt(3);
                    Integer parentId = rs.wasNull() ? null : parent;
                    out.add(new ReportRow(rs.getLong(1), rs.getInt(2), parentId, rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10),
                            rs.getString(11), rs.getString(12)));
                }
            }
        }
        return out;
    }

    /** A copy of the whole database at {@code target} (which must not exist): $(db) and further sqlite exports. */
    public synchronized void copyTo(Path target) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("VACUUM INTO ?")) {
            p.setString(1, target.toString());
            p.execute();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
