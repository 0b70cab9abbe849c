package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.Expander;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;
import salvo.sequence.plot.Plot;
import salvo.sequence.python.Answer;
import salvo.sequence.python.PlotValues;
import salvo.sequence.python.PythonHelper;

/**
 * plot and its actions (§3.13), as a headless recorder: plots named by plot_name, shared by
 * later items until close or the end of the run. add's text is Python (through the expression
 * helper); periodic calls a function in a worker of its own every period, in the background.
 */
final class Plots implements AutoCloseable, PlotValues {
    private static final String PDF_SCRIPT = String.join("\n",
            "import csv, sys",
            "import matplotlib",
            "matplotlib.use('Agg')",
            "import matplotlib.pyplot as plt",
            "lines = {}",
            "for row in csv.DictReader(open(sys.argv[1])):",
            "    lines.setdefault(row['line'], ([], []))",
            "    lines[row['line']][0].append(float(row['time']))",
            "    lines[row['line']][1].append(float(row['value']))",
            "for name, (t, v) in lines.items():",
            "    plt.plot(t, v, label=name)",
            "plt.xlabel('s')",
            "plt.title(sys.argv[3])",
            "plt.legend()",
            "plt.savefig(sys.argv[2])");

    private final Engine engine;
    private final Map<String, Plot> plots = new ConcurrentHashMap<>();
    /** A periodic function's thread and the stop that ends it. */
    private record Periodic(Stop stop, Thread thread) {}

    private final Map<String, List<Periodic>> periodics = new ConcurrentHashMap<>();

    Plots(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame, boolean stopOnFailure) {
        return engine.children(step.children(), frame, stopOnFailure);
    }

    Result action(Step step, Frame frame) {
        String name = frame.parent.expandText(frame.parent.step.field("plot_name"));
        String action = step.kind().substring(step.kind().indexOf('.') + 1);
        if (action.equals("open")) {
            return open(name, frame);
        }
        Plot plot = plots.get(name);
        if (plot == null) {
            return Result.fail("plot '" + name + "' is not open; add an open action first");
        }
        try {
            return switch (action) {
                case "add" -> add(plot, frame);
                case "periodic" -> periodic(plot, frame);
                case "last_value" -> lastValue(plot, frame);
                case "export" -> export(plot, frame);
                case "close" -> close(name);
                default -> Result.fail("plot action '" + action + "' is not supported");
            };
        } catch (IOException e) {
            return Result.fail("plot '" + name + "': " + e.getMessage());
        }
    }

    private Result open(String name, Frame frame) {
        if (plots.containsKey(name)) {
            return Result.fail("plot '" + name + "' is already open; close it first");
        }
        Path logDir = frame.step.has("log_path") ? cwd().resolve(frame.expandText(frame.step.field("log_path"))) : null;
        try {
            plots.put(name, new Plot(name, logDir));
        } catch (IOException e) {
            return Result.fail("plot '" + name + "': cannot create its log folder " + logDir + ": " + e.getMessage());
        }
        return Result.pass();
    }

    /** add: {line: value}: numbers as they are, text evaluated as Python. */
    private Result add(Plot plot, Frame frame) throws IOException {
        if (!(frame.step.field("value") instanceof Map<?, ?> values)) {
            return Result.fail("plot add takes a mapping of lines to values ({vbat: 3.3}), got "
                    + PyRepr.repr(frame.step.field("value")));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String line = frame.expandText(e.getKey());
            Object v = number(frame.expand(e.getValue()), engine.evaluator(frame.stop));
            if (!(v instanceof Number n)) {
                return Result.fail("plot add: the value of line '" + line + "' is not a number: " + PyRepr.repr(v));
            }
            plot.add(line, seconds(), n.doubleValue());
            data.put(line, v);
        }
        return new Result(Verdict.PASS, null, "", data);
    }

    /** tm.add_plot_values from a helper. */
    @Override
    public void add(String name, Map<?, ?> values) {
        Plot plot = plots.get(name);
        if (plot == null) {
            throw new IllegalArgumentException("plot '" + name + "' is not open; open it with a plot item first");
        }
        for (Map.Entry<?, ?> e : values.entrySet()) {
            if (!(e.getValue() instanceof Number n)) {
                throw new IllegalArgumentException("the value of line '" + e.getKey() + "' is not a number: "
                        + PyRepr.repr(e.getValue()));
            }
            try {
                plot.add(PyRepr.str(e.getKey()), seconds(), n.doubleValue());
            } catch (IOException x) {
                throw new IllegalArgumentException("plot '" + name + "': cannot write its log: " + x.getMessage());
            }
        }
    }

    /** tm.last_plot_value from a helper. */
    @Override
    public Map<String, Object> last(String name) {
        Plot plot = plots.get(name);
        return plot == null ? Map.of() : new LinkedHashMap<>(plot.last(null));
    }

    private static Object number(Object v, Evaluator evaluator) {
        if (v instanceof String text) {
            Evaluator.Result r = evaluator.eval(text);
            return r.ok() ? r.value() : text;
        }
        return v instanceof Boolean b ? (b ? 1L : 0L) : v;
    }

    private double seconds() {
        return engine.ticks() / 10_000.0;
    }

    /**
     * periodic: the function called now (its failure FAILs the action), then every period in
     * the background until the plot closes; its return is a mapping of lines to values (after
     * eval, applied to $(result), when given).
     */
    private Result periodic(Plot plot, Frame frame) throws IOException {
        Path file = engine.testDirectory().resolve(frame.expandText(frame.step.field("file"))).normalize();
        String func = frame.expandText(frame.step.field("func_name"));
        Object param = frame.step.has("param") ? frame.field("param") : List.of();
        List<?> params = param instanceof List<?> l ? l : List.of(param);
        double period = frame.step.has("period") ? Basics.seconds(frame.field("period")) : 1.0;
        if (!Files.isRegularFile(file)) {
            return Result.fail("plot periodic: no file at \"" + file + "\" (file is relative to the test directory)");
        }
        PythonHelper worker = engine.helpers().fresh();
        String first = sample(plot, worker, file, func, params, frame);
        if (first != null) {
            worker.close();
            return Result.fail("plot periodic " + func + ": " + first);
        }
        Stop stop = new Stop(frame.stop);
        Thread t = new Thread(() -> {
            try {
                while (sleep(period, stop)) {
                    String problem = sample(plot, worker, file, func, params, frame);
                    if (problem != null) {
                        engine.log().line(frame.prefix + "WARN  plot '" + plot.name() + "' periodic " + func
                                + " stopped: " + problem);
                        return;
                    }
                }
            } finally {
                worker.close();
            }
        }, "seq-plot-" + plot.name());
        t.setDaemon(true);
        periodics.computeIfAbsent(plot.name(), k -> new CopyOnWriteArrayList<>())
                .add(new Periodic(stop, t));
        t.start();
        return Result.pass();
    }

    private static boolean sleep(double seconds, Stop stop) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (stop.stopped()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !stop.stopped();
    }

    /** One call of a periodic function, its values added; why it failed, or null. */
    private String sample(Plot plot, PythonHelper worker, Path file, String func, List<?> params, Frame frame) {
        Answer a = PyFuncs.call(worker, file, func, params, frame);
        if (!a.ok()) {
            return a.error().strip().lines().reduce((x, y) -> y).orElse(a.error());
        }
        Object result = a.value();
        if (frame.step.has("eval")) {
            String text = PyRepr.str(frame.step.field("eval")).replace("$(result)", PyRepr.repr(result));
            Evaluator.Result r = engine.evaluator(frame.stop).eval(Expander.substitute(text,
                    frame.scope()));
            if (!r.ok()) {
                return "eval '" + text + "': " + r.error();
            }
            result = r.value();
        }
        if (!(result instanceof Map<?, ?> values)) {
            return "it must return a mapping of lines to values ({'vbat': 3.3}), got " + PyRepr.repr(result);
        }
        try {
            add(plot.name(), values);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** last_value: {name: [lines]} or {lines: [...]}; plv_<plot_name> = {line: last value}; no list, none. */
    private Result lastValue(Plot plot, Frame frame) {
        Object lines = frame.step.has("lines") ? frame.field("lines") : frame.field("value");
        List<String> names = new ArrayList<>();
        if (lines instanceof List<?> l) {
            l.forEach(x -> names.add(PyRepr.str(x)));
        } else if (lines != null) {
            names.add(PyRepr.str(lines));
        }
        Map<String, Object> last = new LinkedHashMap<>(plot.last(names));
        engine.dictionary().set("plv_" + plot.name(), last);
        return new Result(Verdict.PASS, last, "", last);
    }

    /** export: f.csv (every point), or f.pdf when matplotlib is importable in python_bin. */
    private Result export(Plot plot, Frame frame) throws IOException {
        String name = frame.expandText(frame.step.field("value"));
        Path target = cwd().resolve(name).normalize();
        if (!Files.isDirectory(target.getParent())) {
            return Result.fail("plot export: the folder " + target.getParent() + " does not exist");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            Files.writeString(target, plot.csv());
            return new Result(Verdict.PASS, target.toString(), "", Map.of("file", target.toString()));
        }
        if (!lower.endsWith(".pdf")) {
            return Result.fail("plot export: '" + name + "' is neither .csv nor .pdf");
        }
        String python = engine.helpers().settings().python();
        if (run(List.of(python, "-c", "import matplotlib"), frame) != 0) {
            return Result.fail("plot export to " + name + " needs a plotting backend: matplotlib is not importable in "
                    + python + " (pip install matplotlib), or export to .csv");
        }
        Path csv = Files.createTempFile("salvo-plot-", ".csv");
        try {
            Files.writeString(csv, plot.csv());
            int code = run(List.of(python, "-c", PDF_SCRIPT, csv.toString(), target.toString(), plot.name()), frame);
            return code == 0 ? new Result(Verdict.PASS, target.toString(), "", Map.of("file", target.toString()))
                    : Result.fail("plot export to " + name + ": matplotlib failed (status " + code + ")");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private int run(List<String> command, Frame frame) throws IOException {
        return ChildProcess.run(command, engine.testDirectory(), frame.stop, engine.control(), frame::log).exitCode();
    }

    private Result close(String name) {
        List<Periodic> running = periodics.remove(name);
        if (running != null) {
            running.forEach(p -> p.stop().flag());
            for (Periodic p : running) {
                try {
                    p.thread().join(5_000); // its worker is closed on its way out
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Plot plot = plots.remove(name);
        if (plot != null) {
            plot.close();
        }
        return Result.pass();
    }

    private static Path cwd() {
        return Path.of("").toAbsolutePath();
    }

    @Override
    public void close() {
        new ArrayList<>(plots.keySet()).forEach(this::close);
    }
}
