package salvo.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import salvo.bundle.SqliteNative;
import salvo.error.SalvoError;
import salvo.model.Text;

/**
 * Brings a SQLite store's schema up to date with Flyway, from the scripts in {@link #FOLDER}.
 *
 * <p>Flyway costs a few hundred milliseconds to start (see StoreOpenTiming in the tests), which
 * every {@code salvo} command would pay; so {@code PRAGMA user_version} is kept equal to the
 * schema version and Flyway is invoked only when that cheap read says the file is behind.
 *
 * <p>Files from before Flyway (schema 1, applied by Salvo's own runner) have {@code user_version}
 * 1 and no history table: Flyway baselines them at version 1 and applies what follows.
 */
final class SqliteSchema {
    /** One folder per database: a PostgreSQL store would have its own beside it. */
    static final String FOLDER = "salvo/store/sqlite";

    /** The highest script in {@link #FOLDER}: a change to the schema is a new file, never an edit. */
    static final int LATEST = 3;

    static final String HISTORY = "flyway_schema_history";

    private SqliteSchema() {}

    /**
     * Refuses, before anything is written, a file a newer Salvo wrote and a file with another
     * program's tables; migrates a file that is behind. The connection must be idle (no open
     * transaction): Flyway writes through a connection of its own.
     */
    static void upToDate(Connection connection, Path file) throws SQLException {
        int version = userVersion(connection);
        if (version == LATEST) {
            return;
        }
        if (version > LATEST) {
            throw newer(file, version);
        }
        boolean history = hasTable(connection, HISTORY);
        if (history) {
            int applied = appliedVersion(connection);
            if (applied > LATEST) {
                throw newer(file, applied);
            }
        } else if (version == 0 && hasTables(connection)) {
            throw SqliteFailure.notASalvoDatabase(file, "it holds tables Salvo did not create");
        }
        migrate(file, history ? 0 : version);
        // Only now: were Salvo killed during Flyway, the next open would find the file behind and
        // let Flyway finish the job.
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("PRAGMA user_version = " + LATEST);
        }
    }

    /**
     * Runs Flyway on the file.
     *
     * @param baseline the version of a file migrated before Flyway (no history table), else 0
     */
    static void migrate(Path file, int baseline) {
        Flyway flyway = Flyway.configure(SqliteSchema.class.getClassLoader())
                .dataSource(dataSource(file))
                .locations("classpath:" + FOLDER)
                .table(HISTORY)
                .loggers(QuietFlywayLog.class.getName())
                .baselineOnMigrate(baseline > 0)
                .baselineVersion(String.valueOf(Math.max(1, baseline)))
                .baselineDescription("migrated by Salvo before Flyway")
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException first) {
            // Two Salvos opening a new file at once both see it empty; the one that lost the race
            // for the write lock fails on tables the other just made. A second look sees them.
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                throw failed(file, e);
            }
        }
    }

    private static SQLiteDataSource dataSource(Path file) {
        SqliteNative.awaitChoice();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(SqliteStore.BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Off, whatever the default: rebuilding a table (drop the old, rename the new) must not
        // cascade the drop to the rows that reference it.
        config.enforceForeignKeys(false);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static int appliedVersion(Connection connection) throws SQLException {
        // Versions are whole numbers here; a failed step (success = 0) is rolled back with its row.
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM " + HISTORY + " WHERE success = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (var s = connection.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static SalvoError newer(Path file, int version) {
        return SalvoError.usage("store " + file + " was written by a newer Salvo (schema version " + version
                + ", this Salvo knows up to " + LATEST + "): upgrade Salvo, or move the file aside"
                + " to start a new history");
    }

    private static SalvoError failed(Path file, FlywayException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return SqliteFailure.of(file, "update its schema", sql);
            }
        }
        return SalvoError.internal("store " + file + " could not update its schema (" + Text.oneLine(e.getMessage())
                + "): this is a Salvo bug; please report it with this message", e);
    }
}
