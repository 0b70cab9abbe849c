package salvo.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import salvo.event.RunEvent;
import salvo.event.RunListener;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * Writes one run into the store as it happens, so that a Salvo killed halfway (kill -9, a lost
 * machine) leaves every result it had reported: the next Salvo to open the store finds the run
 * RUNNING with a dead owner and marks it INCOMPLETE.
 *
 * <p>The run row is written when the run starts (status RUNNING), a unit row when a unit starts
 * (outcome INCOMPLETE until its final attempt ends), and test results in short transactions:
 * a result, and a unit's end, is durable at most {@link #FLUSH_DELAY} after it arrives. {@link #finish} then rewrites the run from its final record, the authority.
 *
 * <p>Events arrive one at a time (the {@link salvo.event.EventBus} delivers them so) and are only
 * queued; the writes happen in {@link #flush}, on the journal's own thread (never the event's,
 * which feeds the workers), one flush at a time and in event order. A write that fails is reported once and
 * ends the journaling, never the run: {@link #finish} still saves the whole run.
 */
public final class Journal implements RunListener {
    /** How long a result may wait for its transaction: long enough to batch a burst of fast tests. */
    static final Duration FLUSH_DELAY = Duration.ofMillis(100);

    private final SqliteStore store;
    private final Owner owner;
    private final Duration flushDelay;
    private final Consumer<List<TestResult>> afterFlush;

    // The run's RunInfo.id, to skip other runs' events; set and read on the event thread.
    private String runUid;

    // Guarded by this: what the event thread queued and the timer it armed.
    private final List<Write> pending = new ArrayList<>();
    private boolean flushArmed;
    private boolean closed;
    private ScheduledExecutorService timer;

    // Guarded by flushLock, which also keeps flushes in order: the rows written so far.
    private final Object flushLock = new Object();
    private volatile long runId;
    private final Map<String, UnitRow> units = new HashMap<>();
    private boolean broken;
    private boolean finished;

    Journal(SqliteStore store, Owner owner, Duration flushDelay) {
        this(store, owner, flushDelay, tests -> {});
    }

    /** @param afterFlush told, after each commit, the results that commit made durable (for tests) */
    Journal(SqliteStore store, Owner owner, Duration flushDelay, Consumer<List<TestResult>> afterFlush) {
        this.store = Objects.requireNonNull(store, "store");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.flushDelay = Objects.requireNonNull(flushDelay, "flushDelay");
        this.afterFlush = Objects.requireNonNull(afterFlush, "afterFlush");
    }

    /** The store's id of the run, once its start is written (shortly after RunStarted); 0 before. */
    public long runId() {
        return runId;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunStarted started) {
            if (runUid != null) {
                return; // one journal, one run
            }
            runUid = started.runId();
            queue(new StartRun(started.info()));
            flushSoon();
            return;
        }
        if (runUid == null || !runUid.equals(event.runId())) {
            return;
        }
        if (event instanceof UnitStarted u) {
            queue(new StartUnit(u.unit(), u.worker(), u.attempt()));
        } else if (event instanceof TestFinished t) {
            queue(new PutTest(t.result()));
        } else if (event instanceof UnitFinished u) {
            queue(new EndUnit(u.result(), u.willRetry())); // written with the next batch, within FLUSH_DELAY
        }
    }

    /**
     * A flush now, on the journal's own thread: the event thread is the coordinator's, and a
     * commit there would hold up handing out work (measured: a commit per unit on the event
     * thread cost 200 small files on persistent workers 0.34 s of a 1.9 s run).
     */
    private synchronized void flushSoon() {
        if (!closed) {
            if (timer == null) {
                timer = newTimer();
            }
            timer.execute(this::flush);
        }
    }

    /** Writes everything queued so far, in one transaction. Never throws: a failure is reported once. */
    public void flush() {
        synchronized (flushLock) {
            List<Write> writes = drain();
            if (writes.isEmpty() || broken || finished) {
                return;
            }
            long runBefore = runId;
            try {
                List<TestResult> written = store.inTransaction("write the running run", writer -> {
                    List<TestResult> tests = new ArrayList<>();
                    for (Write w : writes) {
                        apply(writer, w, tests);
                    }
                    if (runId != 0) {
                        writer.touch(runId, Instant.now());
                    }
                    return tests;
                });
                afterFlush.accept(written);
            } catch (RuntimeException e) {
                broken = true;
                // The transaction was rolled back: forget the rows it made, the run's own included,
                // so that finish() saves the run whole instead of rewriting a row that is not there.
                runId = runBefore;
                units.clear();
                System.err.println("salvo: the run is no longer written to the store as it goes ("
                        + e.getMessage() + "); it is saved when it ends");
            }
        }
    }

    /**
     * Rewrites the run from its final record in one transaction (status, finished time, every unit
     * and test), or saves it whole if its start was never written (a run interrupted before it
     * started). Ends the journal: later events are ignored.
     *
     * @return the record with its store id
     */
    public RunRecord finish(RunRecord run) {
        Objects.requireNonNull(run, "run");
        RunConsistency.check(run);
        stopTimer();
        flush(); // what is durable now survives even if the rewrite below fails
        synchronized (flushLock) {
            finished = true;
            long id = runId;
            String action = "save the run " + SqliteStore.labelOf(run);
            if (id == 0) {
                id = store.inTransaction(action, writer -> writer.insert(run, owner));
                runId = id;
            } else {
                long existing = id;
                Map<String, Long> kept = alreadyFinal(run);
                store.inTransaction(action, writer -> {
                    writer.settle(existing, run, kept);
                    return null;
                });
            }
            return run.withId(id);
        }
    }

    /** The rows that hold their unit's result as the record has it: 100 000 tests are not written twice. */
    private Map<String, Long> alreadyFinal(RunRecord run) {
        Map<String, Long> kept = new HashMap<>();
        if (broken) {
            return kept; // what was written may be partial: write it all again
        }
        for (UnitResult unit : run.units()) {
            UnitRow row = units.get(unit.unit().id());
            if (row != null && unit.equals(row.written)) {
                kept.put(unit.unit().id(), row.id);
            }
        }
        return kept;
    }

    private void queue(Write write) {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending.add(write);
            if (flushArmed) {
                return;
            }
            flushArmed = true;
            if (timer == null) {
                timer = newTimer();
            }
            // No periodic wake-ups: the timer runs only when something waits to be written.
            timer.schedule(this::flush, flushDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized List<Write> drain() {
        List<Write> writes = new ArrayList<>(pending);
        pending.clear();
        flushArmed = false;
        return writes;
    }

    private synchronized void stopTimer() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "salvo-journal");
            thread.setDaemon(true); // never what keeps a finished Salvo alive
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    // ---- the writes, applied under flushLock ----

    private sealed interface Write permits StartRun, StartUnit, PutTest, EndUnit {}

    private record StartRun(salvo.model.RunInfo info) implements Write {}

    private record StartUnit(TestUnit unit, WorkerRef worker, int attempt) implements Write {}

    private record PutTest(TestResult test) implements Write {}

    private record EndUnit(UnitResult result, boolean willRetry) implements Write {}

    /** A unit's row and where each of its nodes sits in it. */
    private static final class UnitRow {
        final long id;
        final Map<NodeId, Integer> positions = new HashMap<>();
        /** The tests as written, by position. */
        final List<TestResult> tests = new ArrayList<>();
        /** The unit's result as written at its final end; null until then, and after a later write. */
        UnitResult written;

        UnitRow(long id) {
            this.id = id;
        }

        /** A node keeps its position across attempts, so a retry's result replaces the earlier one. */
        void put(RunWriter writer, TestResult test) throws SQLException {
            written = null;
            Integer earlier = positions.get(test.node());
            if (earlier == null) {
                positions.put(test.node(), tests.size());
                writer.putTests(id, tests.size(), List.of(test));
                tests.add(test);
            } else {
                writer.replaceTest(id, earlier, test);
                tests.set(earlier, test);
            }
        }

        /**
         * The unit's final result: its row, and its tests again only if any of them differs from
         * what was written (then all of them). As a rule none does, as they came: 100 000 tests are
         * not written twice.
         */
        void end(RunWriter writer, UnitResult result) throws SQLException {
            if (result.tests().equals(tests)) {
                writer.updateUnit(id, result);
            } else {
                writer.replaceUnit(id, result);
                positions.clear();
                tests.clear();
                for (TestResult test : result.tests()) {
                    positions.putIfAbsent(test.node(), tests.size());
                    tests.add(test);
                }
            }
            written = result;
        }
    }

    private void apply(RunWriter writer, Write write, List<TestResult> written) throws SQLException {
        if (write instanceof StartRun start) {
            runId = writer.insertRun(new RunRecord(0, start.info(), Instant.now(), RunStatus.RUNNING, List.of()), owner);
            return;
        }
        if (runId == 0) {
            return;
        }
        if (write instanceof StartUnit start) {
            unitRow(writer, start.unit(), start.worker(), start.attempt());
        } else if (write instanceof PutTest put) {
            UnitRow row = unitRow(writer, unknownUnit(put.test().unitId()), WorkerRef.NONE, put.test().attempt());
            row.put(writer, put.test());
            written.add(put.test());
        } else if (write instanceof EndUnit end) {
            UnitResult result = end.result();
            UnitRow row = unitRow(writer, result.unit(), result.worker(), result.attempts());
            if (end.willRetry()) {
                // Not the unit's end: keep its results in place for the next attempt to replace.
                for (TestResult test : result.tests()) {
                    row.put(writer, test);
                }
            } else {
                row.end(writer, result);
            }
            written.addAll(result.tests());
        }
    }

    private UnitRow unitRow(RunWriter writer, TestUnit unit, WorkerRef worker, int attempt) throws SQLException {
        UnitRow row = units.get(unit.id());
        if (row == null) {
            UnitResult started = new UnitResult(unit, Outcome.INCOMPLETE, Duration.ZERO, List.of(), null, attempt, worker);
            row = new UnitRow(writer.insertUnit(runId, units.size(), started));
            units.put(unit.id(), row);
        }
        return row;
    }

    /** A result whose unit was never reported started; finish() writes the real unit over it. */
    private static TestUnit unknownUnit(String unitId) {
        return new TestUnit(unitId, Path.of(unitId), "");
    }
}
