package salvo.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import salvo.error.SalvoError;

/**
 * Brings a SQLite store's schema up to date: numbered SQL scripts, each applied in its own
 * transaction, with the schema version kept in {@code PRAGMA user_version}.
 */
final class Migrations {
    static final String FOLDER = "salvo/store/sqlite/";

    /** Every schema step, in order. A change to the schema is a new file here, never an edit of an old one. */
    static final List<String> BUNDLED = List.of("V1__initial.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    record Migration(int version, String name, String sql) {}

    private final List<Migration> steps;

    Migrations(List<Migration> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + steps.get(i).name() + " should be version " + (i + 1));
            }
        }
        this.steps = List.copyOf(steps);
    }

    static Migrations bundled() {
        List<Migration> steps = new ArrayList<>();
        for (String name : BUNDLED) {
            steps.add(new Migration(versionOf(name), name, resource(name)));
        }
        return new Migrations(steps);
    }

    static int versionOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration " + name + " is not named V<number>__<words>.sql");
        }
        return Integer.parseInt(m.group(1));
    }

    int latestVersion() {
        return steps.size();
    }

    /**
     * Applies the steps the file has not seen. Refuses, before writing anything, a file from a
     * newer Salvo and a file that holds another program's tables.
     */
    void apply(Connection connection, Path file) throws SQLException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw SalvoError.usage("store " + file + " was written by a newer Salvo (schema version " + current
                    + ", this Salvo knows up to " + latestVersion() + "): upgrade Salvo, or move the file aside"
                    + " to start a new history");
        }
        if (current == 0 && hasTables(connection)) {
            throw SqliteFailure.notASalvoDatabase(file, "it holds tables Salvo did not create");
        }
        for (Migration step : steps) {
            if (step.version() > current) {
                applyStep(connection, step);
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static void applyStep(Connection connection, Migration step) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // Another Salvo opening the same new file may have applied this step while we waited
            // for the write lock; the version read inside the transaction is the one that counts.
            if (userVersion(connection) < step.version()) {
                s.executeUpdate(step.sql());
                s.executeUpdate("PRAGMA user_version = " + step.version());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + FOLDER + name + " is missing from the Salvo jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration " + FOLDER + name + " could not be read: " + e.getMessage(), e);
        }
    }
}
