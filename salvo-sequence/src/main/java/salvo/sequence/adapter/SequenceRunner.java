package salvo.sequence.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import salvo.adapter.RunSettings;
import salvo.error.SalvoError;
import salvo.execute.PlannedUnit;
import salvo.execute.UnitRunner;
import salvo.execute.WorkerContext;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.sequence.SequenceSession;
import salvo.sequence.engine.Row;
import salvo.sequence.engine.Verdict;
import salvo.sequence.load.Diagnostic;
import salvo.sequence.load.LoadOptions;
import salvo.sequence.load.Loaded;

/**
 * Runs one sequence as one unit: loads it (a load error is the unit's ERROR, with every
 * problem's place), runs it in batch, and publishes each finished item as a result as it
 * ends. A run stop or the unit's timeout stops the sequence as Ctrl-C would.
 */
final class SequenceRunner implements UnitRunner {
    private static final long WATCH_MILLIS = 50;

    private final RunSettings run;
    /** Each unit's load: its file, and the configs and defines it was listed with. */
    private final Map<String, LoadOptions> options;

    SequenceRunner(RunSettings run, Map<String, LoadOptions> options) {
        this.run = run;
        this.options = Map.copyOf(options);
    }

    @Override
    public UnitResult run(PlannedUnit unit, WorkerContext context) {
        Instant started = Instant.now();
        String unitId = unit.id();
        List<TestResult> results = new ArrayList<>();
        try (SequenceSession session = new SequenceSession(options.get(unitId), context.control())) {
            Loaded loaded;
            try {
                loaded = session.load();
            } catch (SalvoError e) {
                return unitError(unit, context, started, e.getMessage(), "");
            }
            if (!loaded.ok()) {
                List<Diagnostic> errors = loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
                return unitError(unit, context, started, errors.get(0).format(),
                        loaded.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
            }
            java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
            Thread watch = watch(session, context, started, timedOut);
            Verdict verdict;
            try {
                verdict = session.run(line -> {
                    if (run.verbose()) {
                        context.events().output(context.worker(), unitId, line);
                    }
                }, row -> {
                    TestResult result = result(unitId, row, unit.attempt(), timedOut.get());
                    synchronized (results) {
                        results.add(result);
                    }
                    context.events().testFinished(context.worker(), result);
                });
            } catch (SalvoError e) {
                // The run could not start (a report folder that does not exist): the unit's error.
                return unitError(unit, context, started, e.getMessage(), "");
            } finally {
                watch.interrupt();
            }
            Duration took = Duration.between(started, Instant.now());
            Outcome outcome;
            Failure failure = null;
            if (timedOut.get()) {
                outcome = Outcome.TIMEOUT;
                failure = Failure.of(FailureKind.TIMEOUT, "the sequence ran past its " + run.timeout().toSeconds()
                        + " s limit and was stopped");
            } else if (session.stopped()) {
                outcome = Outcome.INCOMPLETE;
                failure = Failure.of(FailureKind.OTHER, "the run was stopped before the sequence finished");
            } else {
                outcome = switch (verdict) {
                    case PASS -> Outcome.PASSED;
                    case FAIL -> Outcome.FAILED;
                    case SKIP -> Outcome.SKIPPED;
                };
            }
            synchronized (results) {
                return new UnitResult(unit.unit(), outcome, took, results, failure, unit.attempt(), context.worker());
            }
        }
    }

    /** Stops the sequence when the run stops or its time is up. */
    private Thread watch(SequenceSession session, WorkerContext context, Instant started,
                         java.util.concurrent.atomic.AtomicBoolean timedOut) {
        Duration limit = run.timeout();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (context.control().isInterrupted()) {
                    session.stop();
                    return;
                }
                if (limit != null && !limit.isZero() && Duration.between(started, Instant.now()).compareTo(limit) > 0) {
                    timedOut.set(true);
                    session.stop();
                    session.stop(); // its cleanup too: the time is up
                    return;
                }
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "seq-watch-" + context.worker().label());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A row as a result: containers (groups, loops and their rounds, parallels, branches) and leaf items as tests. */
    static TestResult result(String unitId, Row row, int attempt, boolean timedOut) {
        NodeId node = NodeId.ofUnit(unitId);
        for (Row.Node n : row.path()) {
            node = node.child(n.container() ? NodeId.Kind.CONTAINER : NodeId.Kind.TEST, unitId + "::" + n.id(), n.name());
        }
        // An item cut short by a stop (it lost a sync: any race, or the run was stopped) did not
        // find a fault: it counts as skipped, its message kept in its output; cut short by the
        // unit's timeout, it timed out.
        boolean cutShort = row.verdict() == Verdict.FAIL && row.stopped();
        Outcome outcome = switch (row.verdict()) {
            case PASS -> Outcome.PASSED;
            case FAIL -> !cutShort ? Outcome.FAILED : timedOut ? Outcome.TIMEOUT : Outcome.SKIPPED;
            case SKIP -> Outcome.SKIPPED;
        };
        Failure failure = switch (outcome) {
            case FAILED -> new Failure(FailureKind.ASSERTION, row.message(), row.output());
            case TIMEOUT -> new Failure(FailureKind.TIMEOUT, "the sequence's time ran out: " + row.message(), row.output());
            default -> null;
        };
        String output = cutShort ? row.output() + "stopped: " + row.message() + "\n" : row.output();
        return new TestResult(node, outcome, row.duration(), failure, output, attempt).withMeasurements(row.measurements());
    }

    private static UnitResult unitError(PlannedUnit unit, WorkerContext context, Instant started, String message,
                                        String detail) {
        return new UnitResult(unit.unit(), Outcome.ERROR, Duration.between(started, Instant.now()), List.of(),
                new Failure(FailureKind.COLLECTION, message, detail), unit.attempt(), context.worker());
    }
}
