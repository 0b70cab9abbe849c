package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;
import salvo.sequence.plot.Plot;
import salvo.sequence.python.PlotValues;

/**
 * plot and its actions (§3.13), as a headless recorder: plots named by plot_name, shared by
 * later items until close or the end of the run, and the target of the helpers' tm.add_plot_values.
 * add's text is Python (through the expression helper); periodic and export have classes of their own.
 */
final class Plots implements AutoCloseable, PlotValues {
    private final Engine engine;
    private final Map<String, Plot> plots = new ConcurrentHashMap<>();
    private final PlotPeriodics periodics;
    private final PlotExports exports;

    Plots(Engine engine) {
        this.engine = engine;
        this.periodics = new PlotPeriodics(engine, this);
        this.exports = new PlotExports(engine);
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
                case "periodic" -> periodics.start(plot, frame);
                case "last_value" -> lastValue(plot, frame);
                case "export" -> exports.export(plot, frame);
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

    private Result close(String name) {
        periodics.stop(name);
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
