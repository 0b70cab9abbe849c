package salvo.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import salvo.error.SalvoError;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Text;

/** How model values are written to and read from SQLite columns. */
final class Columns {
    // Fixed width, so stored times sort as text; nine digits, so they read back exactly.
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<List<NodeId.Segment>> SEGMENTS = new TypeReference<>() {};
    /** Written and read for every test: resolved once, not at each call. */
    private static final ObjectWriter NODE_WRITER = JSON.writerFor(SEGMENTS);
    private static final ObjectReader NODE_READER = JSON.readerFor(SEGMENTS);

    private final Path file;

    /** @param file the store, named in errors about a value it holds */
    Columns(Path file) {
        this.file = file;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw damaged("time '" + text + "'");
        }
    }

    /** Milliseconds as a double: exact to the nanosecond for durations up to about a hundred days. */
    static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    static Duration duration(double millis) {
        return Duration.ofNanos(Math.round(millis * 1e6));
    }

    static String json(Map<String, String> config) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings could not be written as JSON", e);
        }
    }

    Map<String, String> config(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw damaged("config '" + Text.oneLine(json) + "'");
        }
    }

    /**
     * A test's node as stored: NULL for a flat one ({@link NodeId#isFlat}, most tests: on 100 000
     * of them, 13 MB less per run, and no JSON to write or read), which is how a NULL reads back;
     * else its segments as a JSON array of {kind, id, name}, every segment, so the node reads back equal.
     */
    static String node(NodeId node) {
        if (node.isFlat()) {
            return null;
        }
        try {
            return NODE_WRITER.writeValueAsString(node.segments());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a node id could not be written as JSON", e);
        }
    }

    /**
     * The node of a test_results row; one with no node (a flat test, or a row from before schema
     * 2) is a test directly under its unit.
     */
    NodeId node(String json, String unitId, String testId) {
        if (json == null) {
            return NodeId.flat(unitId, testId);
        }
        try {
            return new NodeId(NODE_READER.readValue(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw damaged("node '" + Text.oneLine(json) + "'");
        }
    }

    /** Reads an enum stored by name; a name this Salvo does not know means a newer Salvo wrote it. */
    <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SalvoError.usage("store " + file + " holds " + type.getSimpleName() + " '" + name
                    + "', which this Salvo does not know: upgrade Salvo to read it");
        }
    }

    /** Binds kind, message and detail to three parameters starting at {@code first}. */
    static void bindNullable(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** A REAL column that may be NULL. */
    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double v = row.getDouble(column);
        return row.wasNull() ? null : v;
    }

    static void bindFailure(PreparedStatement statement, int first, Failure failure) throws SQLException {
        if (failure == null) {
            statement.setNull(first, Types.VARCHAR);
            statement.setNull(first + 1, Types.VARCHAR);
            statement.setNull(first + 2, Types.VARCHAR);
        } else {
            statement.setString(first, failure.kind().name());
            statement.setString(first + 1, failure.message());
            statement.setString(first + 2, failure.detail());
        }
    }

    Failure failure(ResultSet row) throws SQLException {
        String kind = row.getString("failure_kind");
        if (kind == null) {
            return null;
        }
        return new Failure(named(FailureKind.class, kind), row.getString("failure_message"), row.getString("failure_detail"));
    }

    private SalvoError damaged(String what) {
        return SalvoError.usage("store " + file + " holds an unreadable " + what
                + ": the file is damaged; move it aside to start a new history");
    }
}
