package salvo.sequence.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.execute.RunControl;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.FoldingEvaluator;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Loaded;
import salvo.sequence.load.Step;
import salvo.sequence.lua.LuaHelper;
import salvo.sequence.python.Dictionary;
import salvo.sequence.python.HelperEvaluator;
import salvo.sequence.python.PythonHelper;
import salvo.sequence.report.ExportSpec;
import salvo.sequence.report.ReportPlan;

/**
 * Runs a loaded sequence: each item through the lifecycle of SEQUENCES.md §4, containers by
 * §5.1, stops by §5.2. Lines go to the log, one row per finished execution to the rows. The
 * items' bodies live in their own classes; this one knows the order in which things apply.
 */
public final class Engine implements AutoCloseable {
    /**
     * @param operator    who answers dialogs, pauses and follows the run ({@link Operator#batch()}: nobody)
     * @param environment added to every helper's environment before python_env (-i's PYTHONPATH)
     * @param report      the command line's single export (-t/-p/-n), or null
     */
    public record Settings(Operator operator, RunControl control, Map<String, String> environment,
                           ReportPlan.CliExport report) {
    }

    private final Loaded loaded;
    private final Dictionary dictionary;
    private final Settings settings;
    private final Log log;
    private final Rows rows;
    private final Helpers helpers;
    private final Stop userStop = Stop.root();
    private final Stop secondStop = Stop.root();
    private final long t0 = System.currentTimeMillis();
    private final long t0Nanos = System.nanoTime();
    private final Items items;
    private final ReportExports exports = new ReportExports(this);
    private volatile ReportRecorder report;
    /** What each thread printed since its previous row: a report row's log (§6.1, log_stored). */
    private final ThreadLocal<StringBuilder> sinceLastRow = ThreadLocal.withInitial(StringBuilder::new);
    private static final int LOG_LIMIT = 1 << 20;

    public Engine(Loaded loaded, Dictionary dictionary, PythonHelper expressions, Settings settings, Log log, Rows rows) {
        this.loaded = loaded;
        this.dictionary = dictionary;
        this.settings = settings;
        this.log = log;
        this.rows = rows;
        this.helpers = new Helpers(dictionary, settings.control(), loaded.testDirectory(), t0, expressions,
                settings.environment());
        this.items = new Items(this);
        helpers.plots(items.plots);
    }

    /** Runs main and returns its verdict. */
    public Verdict run() {
        LocalDateTime now = LocalDateTime.now();
        dictionary.set("testrun_date", now.format(DateTimeFormatter.ISO_LOCAL_DATE));
        dictionary.set("testrun_time", now.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        dictionary.set("start_test_date", now.toString());
        dictionary.set("test_version", "");
        dictionary.set("test_modifs", "");
        Step main = loaded.main();
        if (LuaHelper.needed(main)) {
            // §1.2.8: lua_bin names the interpreter that lua_func items will use.
            Object bin = dictionary.get("lua_bin");
            LuaHelper.interpreter(bin == null ? null : PyRepr.str(bin))
                    .ifPresent(lua -> dictionary.set("lua_bin", lua));
        }
        log.line("Test \"" + main.title() + "\" from " + loaded.file());
        Frame root = new Frame(this, null, main, List.of(), null, userStop, "");
        ReportPlan plan = ReportPlan.of(loaded.top().get("report"), settings.report());
        if (plan != null) {
            report = ReportRecorder.open(this, loaded, plan, root);
        }
        long started = System.nanoTime();
        Result r = Result.fail("the run ended abnormally");
        try {
            r = execute(main, root);
        } finally {
            // §6.2: the exports run at close whatever happened, a crash included.
            closeReport(r.verdict(), Duration.ofNanos(System.nanoTime() - started), root);
        }
        log.line(r.verdict() == Verdict.PASS ? "Test run success." : "Test run failed.");
        PostExecution.run(this, loaded, r.verdict() == Verdict.PASS, root);
        return r.verdict();
    }

    private void closeReport(Verdict verdict, Duration took, Frame root) {
        ReportRecorder rec = report;
        if (rec == null) {
            return;
        }
        try {
            rec.close(verdict, took);
            exports.run(rec.plan().exports(), rec.database(), ReportRecorder.stem(loaded.file()), true, root);
            if (rec.database().file() != null) {
                List<Object> outputs = new ArrayList<>();
                if (dictionary.get("test_outputs") instanceof List<?> l) {
                    outputs.addAll(l);
                }
                outputs.add(rec.database().file().toString());
                dictionary.set("test_outputs", outputs);
            }
        } finally {
            rec.release();
        }
    }

    /** The report item (§3.15): its exports on the rows so far, without a header; a no-op without a report. */
    Result reportItem(Step step, Frame frame) {
        ReportRecorder rec = report;
        if (rec == null) {
            return Result.pass();
        }
        String name = step.name().isEmpty() ? "report" : step.name();
        exports.run(ExportSpec.list(step.field("export")), rec.database(), name, false, frame);
        return Result.pass();
    }

    /** A stop from outside (Ctrl-C): the first stops the run, the second its cleanup too. */
    public void stop() {
        if (userStop.stopped()) {
            secondStop.flag();
        }
        userStop.flag();
    }

    public boolean stopped() {
        return userStop.stopped();
    }

    @Override
    public void close() {
        items.plots.close();
        items.jsonRpcs.close();
        items.consoles.close();
        items.luaFuncs.close();
        helpers.close();
    }

    /** A line an item printed, kept for the next report row written on this thread. */
    void logged(String line) {
        ReportRecorder rec = report;
        if (rec != null && rec.plan().logStored()) {
            StringBuilder b = sinceLastRow.get();
            if (b.length() < LOG_LIMIT) {
                b.append(line).append('\n');
            }
        }
    }

    private String takeLog() {
        StringBuilder b = sinceLastRow.get();
        String text = b.toString();
        b.setLength(0);
        return text;
    }

    Dictionary dictionary() {
        return dictionary;
    }

    Log log() {
        return log;
    }

    Helpers helpers() {
        return helpers;
    }

    Operator operator() {
        return settings.operator();
    }

    RunControl control() {
        return settings.control();
    }

    java.nio.file.Path testDirectory() {
        return loaded.testDirectory();
    }

    Evaluator evaluator(Stop stop) {
        return new FoldingEvaluator(new HelperEvaluator(helpers::expressions, stop::stopped));
    }

    long ticks() {
        return (System.nanoTime() - t0Nanos) / 100_000;
    }

    /** Runs one item through §4's lifecycle in {@code frame} (already made for it) and writes its row. */
    Result execute(Step step, Frame frame) {
        long start = System.nanoTime();
        long startTicks = ticks();
        if (step.skipped()) {
            return finish(frame, step, Result.skip("skipped"), start, startTicks, false);
        }
        String name = step.name();
        if (!name.isEmpty()) {
            dictionary.set("ts_start_" + name, ticks());
        }
        frame.log(banner("-----> step \"" + step.title() + "\" started"));
        settings.operator().progress().started(step);
        if (!settings.operator().pauses().await(step, frame.stop)) {
            // §5.3: a stop while paused.
            return finish(frame, step, Result.skip("stopped while paused"), start, startTicks, true);
        }
        if (step.has("condition")) {
            Object condition = frame.field("condition");
            if (!salvo.sequence.expr.Rules.strict(condition).orElse(false)) {
                // §9.5: an unmet condition keeps the item SKIP; nothing after the body applies.
                return finish(frame, step, Result.skip("condition not met: " + PyRepr.str(condition)), start, startTicks,
                        true);
            }
        }
        Result r;
        try {
            r = items.body(step, frame);
        } catch (RuntimeException e) {
            // §9.12: a bug or a bad value in one item FAILs that item; the run goes on.
            r = Result.fail(step.kind() + " could not run: " + e.getMessage());
        }
        r = Outcomes.apply(step, frame, r, this);
        return finish(frame, step, r, start, startTicks, true);
    }

    private Result finish(Frame frame, Step step, Result r, long start, long startTicks, boolean started) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (started) {
            dictionary.set("last_step_result", r.value() != null ? PyRepr.str(r.value()) : r.verdict().name());
            if (!r.message().isEmpty()) {
                frame.log((r.verdict() == Verdict.FAIL ? "FAIL  " : "INFO  ") + r.message());
            }
            frame.log("<----- step \"" + step.title() + "\" finished: " + r.verdict());
            if (!step.name().isEmpty()) {
                long end = ticks();
                dictionary.set("ts_end_" + step.name(), end);
                dictionary.set("ts_duration_" + step.name(), took.toNanos() / 1e9);
            }
        }
        settings.operator().progress().finished(step, r.verdict(), r.message());
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        if (step.has("report") && frame.field("report") instanceof Map<?, ?> report) {
            report.forEach((k, v) -> data.put(String.valueOf(k), v));
        }
        String message = r.shownMessage();
        ReportRecorder rec = report;
        if (rec != null && started) {
            // The report keeps no row for an item skipped at load (§6.1); Salvo's own results do (§9.6).
            rec.finished(frame, step, r, startTicks, took, data, rec.plan().logStored() ? takeLog() : null);
        }
        if (!frame.path.isEmpty()) {
            rows.finished(new Row(frame.path, step.type(), r.verdict(), message, took, frame.output(), data,
                    frame.stop.stopped(), r.measurements()));
        }
        return r;
    }

    /**
     * The row of one test that an item ran (a unittest item's, or the other Python tests item's): a leaf under the
     * item's node, in Salvo's results and in the report, written before the item's own row.
     */
    void testRow(Frame item, String name, String type, Result r, Duration took, String output) {
        String message = r.shownMessage();
        ReportRecorder rec = report;
        if (rec != null) {
            rec.testFinished(item, name, type, r, ticks() - took.toNanos() / 100_000, took, r.data(),
                    rec.plan().logStored() ? output : null);
        }
        rows.finished(new Row(item.pathTo(name, name, false), type, r.verdict(), message, took, output, r.data(),
                item.stop.stopped(), r.measurements()));
    }

    private String banner(String text) {
        String tick = "@@" + ticks() + "@@";
        int pad = Math.max(1, 80 - text.length() - tick.length());
        return text + " ".repeat(pad) + tick;
    }

    /**
     * Runs a container's children in order (§5.1, §5.2): a FAIL fails it; stop_on_failure ends
     * it at the first FAIL; a stop starts no further child; either way the unstarted children
     * marked execute_on_stop still run, as cleanup that a first stop does not stop.
     */
    Result children(List<Step> children, Frame frame, boolean stopOnFailure) {
        boolean failed = false;
        String abortedBy = null;
        int next = 0;
        for (; next < children.size(); next++) {
            if (frame.stop.stopped()) {
                break;
            }
            Step child = children.get(next);
            Result r = execute(child, childFrame(frame, child, frame.stop));
            if (r.verdict() == Verdict.FAIL) {
                failed = true;
                if (stopOnFailure) {
                    abortedBy = child.title();
                    next++;
                    break;
                }
            }
        }
        boolean stopped = frame.stop.stopped();
        for (; next < children.size(); next++) {
            Step child = children.get(next);
            Frame cleanup = childFrame(frame, child, new Stop(secondStop));
            if (child.has("execute_on_stop") && salvo.sequence.expr.Rules.flag(cleanup.field("execute_on_stop"),
                    evaluator(cleanup.stop))) {
                execute(child, cleanup);
            }
        }
        if (abortedBy != null) {
            return Result.fail(frame.step.kind() + " aborted on failure of step '" + abortedBy + "'");
        }
        if (failed) {
            return Result.fail("a step failed");
        }
        // §9.4: one rule for every container: stopped without a failure is SKIP.
        return stopped ? Result.skip("stopped") : Result.pass();
    }

    /** A loop round's own row: a container between the loop and the round's items. */
    void roundFinished(Frame round, Result r, long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String message = r.shownMessage();
        rows.finished(new Row(round.path, "Cycle round", r.verdict(), message, took, round.output(), Map.of(),
                round.stop.stopped(), List.of()));
    }

    Frame childFrame(Frame parent, Step child, Stop stop) {
        String idPart = child.id().substring(child.id().lastIndexOf('/') + 1);
        return parent.child(child, idPart, child.title(), null, stop, parent.prefix);
    }

    List<Step> list(Step... steps) {
        return new ArrayList<>(List.of(steps));
    }
}
