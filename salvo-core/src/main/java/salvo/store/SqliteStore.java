package salvo.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import salvo.bundle.SqliteNative;
import salvo.error.SalvoError;
import salvo.model.RunRecord;

/**
 * The default store: one SQLite file, {@code <salvo dir>/salvo.db}, in WAL mode so that readers
 * (a dashboard, {@code salvo history}) never wait for a run being saved.
 *
 * <p>"Newest" means most recently started: runs are ordered by their id, which a run gets when it
 * is saved whole, or when its {@link Journal} sees it start. One connection serves every call but
 * the large reads ({@link #load}, {@link #testDurations}), which open one of their own; the methods
 * on the shared one are synchronized, so one store may be shared between threads (a journal's
 * flusher is one).
 *
 * <p>Opening a store also marks INCOMPLETE the RUNNING runs whose Salvo died
 * ({@link #recoverAbandonedRuns()}), so every command sees them as they ended.
 */
public final class SqliteStore implements Store {
    static final String FILE_NAME = "salvo.db";
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private final Columns columns;

    private SqliteStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.columns = new Columns(file);
    }

    /**
     * Opens (creating if needed) the store in {@code salvoDir}, brings its schema up to date and
     * recovers abandoned runs. A file that is not a Salvo database, or that a newer Salvo wrote,
     * is refused unchanged.
     */
    public static SqliteStore open(Path salvoDir) {
        Objects.requireNonNull(salvoDir, "salvoDir");
        Path file = salvoDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(salvoDir);
        } catch (IOException e) {
            throw SalvoError.usage("store directory " + salvoDir + " could not be created (" + IoReason.of(e)
                    + "): check that you may write its parent", e);
        }
        Connection connection = connect(file);
        try {
            prepare(connection, file);
            SqliteStore store = new SqliteStore(file, connection);
            store.recoverAbandonedRuns();
            return store;
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The database file this store reads and writes. */
    public Path file() {
        return file;
    }

    private static Connection connect(Path file) {
        SqliteNative.awaitChoice();
        SQLiteConfig config = new SQLiteConfig();
        // Take the write lock when a transaction begins, not halfway through it, so two Salvos
        // saving at once queue on busy_timeout instead of failing with a lock upgrade error.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw SqliteFailure.of(file, "be opened", e);
        }
    }

    // Order matters: nothing may write to the file before it is known to be a Salvo database
    // of a schema this Salvo understands.
    private static void prepare(Connection connection, Path file) {
        try {
            execute(connection, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            execute(connection, "PRAGMA foreign_keys = ON");
        } catch (SQLException e) {
            throw SqliteFailure.of(file, "be configured", e);
        }
        probe(connection, file);
        try {
            SqliteSchema.upToDate(connection, file);
            execute(connection, "PRAGMA journal_mode = WAL");
            // In WAL mode NORMAL loses nothing when Salvo dies (the WAL is written before each
            // commit returns); only a power cut may lose the last commits. FULL would fsync on
            // every commit of the journal.
            execute(connection, "PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            throw SqliteFailure.of(file, "update its schema", e);
        }
    }

    /** Reads the schema, which is where SQLite notices a file that is not a database or is cut short. */
    private static void probe(Connection connection, Path file) {
        try {
            execute(connection, "SELECT count(*) FROM sqlite_master");
        } catch (SQLException e) {
            if (SqliteFailure.isNotADatabase(e)) {
                throw SqliteFailure.notASalvoDatabase(file, SqliteFailure.reason(e));
            }
            throw SqliteFailure.of(file, "be read", e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        // drain: a query's errors surface while stepping through its rows
                    }
                }
            }
        }
    }

    @Override
    public RunRecord save(RunRecord run) {
        Objects.requireNonNull(run, "run");
        RunConsistency.check(run);
        long id = inTransaction("save the run " + labelOf(run), writer -> writer.insert(run, Owner.current()));
        return run.withId(id);
    }

    /**
     * A journal that writes one run into this store as it happens: register it on the run's
     * event bus before the run starts, and end it with {@link Journal#finish}.
     */
    public Journal journal() {
        return new Journal(this, Owner.current(), Journal.FLUSH_DELAY);
    }

    /**
     * Marks INCOMPLETE every RUNNING run whose Salvo is gone (same host, and its process is not
     * alive or is another process now), keeping every test it had written. Runs of a Salvo still
     * running, or of another host, are left alone. {@link #open} calls it; a long-lived process
     * may call it again.
     *
     * @return the ids of the runs marked INCOMPLETE
     */
    public synchronized List<Long> recoverAbandonedRuns() {
        List<Long> abandoned;
        try {
            abandoned = new Recovery(connection, columns).abandoned();
        } catch (SQLException e) {
            throw SqliteFailure.of(file, "look for abandoned runs", e);
        }
        if (!abandoned.isEmpty()) {
            inTransaction("mark abandoned runs INCOMPLETE", writer -> {
                for (long id : abandoned) {
                    writer.markIncomplete(id);
                }
                return null;
            });
        }
        return abandoned;
    }

    /** What a transaction does with the writer. */
    interface Work<T> {
        T run(RunWriter writer) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: all of it is written, or none.
     *
     * @param action what it does, as a verb phrase for errors: "save the run 20261123_101502_123"
     */
    synchronized <T> T inTransaction(String action, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try (RunWriter writer = new RunWriter(connection)) {
                T result = work.run(writer);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqliteFailure.of(file, action, e);
        }
    }

    static String labelOf(RunRecord run) {
        return run.info().label() == null ? "started " + run.info().started() : run.info().label();
    }

    /** A run whole, the largest read there is: on a connection of its own, so it holds up no writer. */
    @Override
    public Optional<RunRecord> load(long id) {
        return aside("load run #" + id, reader -> new RunReader(reader, columns).load(id));
    }

    /** The id of the run {@link #latest} would load. */
    public Optional<Long> latestId() {
        return shared("find the latest run", c -> new RunReader(c, columns).latestId());
    }

    /** Tests per unit of a run (distinct test ids), a quick count where the run itself is not needed. */
    public Map<String, Integer> testsPerUnit(long runId) {
        return shared("count the tests of run #" + runId, c -> new HistoryQueries(c, columns).testsPerUnit(runId));
    }

    @Override
    public Optional<RunRecord> latest() {
        return shared("load the latest run", c -> {
            RunReader reader = new RunReader(c, columns);
            Optional<Long> id = reader.latestId();
            return id.isEmpty() ? Optional.empty() : reader.load(id.get());
        });
    }

    @Override
    public List<RunSummary> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return shared("read the run history", c -> new HistoryQueries(c, columns).recent(limit));
    }

    @Override
    public Map<String, Duration> unitDurations(int lastRuns) {
        requireRuns(lastRuns);
        return shared("read unit durations", c -> new HistoryQueries(c, columns).unitDurations(lastRuns));
    }

    /**
     * On a connection of its own (WAL: it waits for no writer), so that reading a large history
     * (100 000 tests of 5 runs: a second) holds up neither the journal nor anything else of the run.
     */
    @Override
    public Map<String, Duration> testDurations(int lastRuns) {
        requireRuns(lastRuns);
        return aside("read test durations", reader -> new HistoryQueries(reader, columns).testDurations(lastRuns));
    }

    private static void requireRuns(int lastRuns) {
        if (lastRuns < 1) {
            throw new IllegalArgumentException("lastRuns must be at least 1, was " + lastRuns);
        }
    }

    private interface Read<T> {
        T from(Connection connection) throws SQLException;
    }

    /** A read on the store's one connection. */
    private synchronized <T> T shared(String what, Read<T> read) {
        try {
            return read.from(connection);
        } catch (SQLException e) {
            throw SqliteFailure.of(file, what, e);
        }
    }

    /** A read on a connection of its own, opened for it: WAL lets it run beside the store's writes. */
    private <T> T aside(String what, Read<T> read) {
        Connection reader = connect(file);
        try {
            execute(reader, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            return read.from(reader);
        } catch (SQLException e) {
            throw SqliteFailure.of(file, what, e);
        } finally {
            closeQuietly(reader);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqliteFailure.of(file, "be closed", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // after a failed open, or a finished read: what happened before is what counts
        }
    }
}
