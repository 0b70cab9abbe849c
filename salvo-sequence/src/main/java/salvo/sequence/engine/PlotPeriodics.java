package salvo.sequence.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.Expander;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.plot.Plot;
import salvo.sequence.python.Answer;
import salvo.sequence.python.PlotValues;
import salvo.sequence.python.PythonHelper;

/**
 * plot's periodic action (§3.13): a function called in a worker of its own every period, on a
 * thread of its own, until its plot closes (or the run ends); what it returns goes to the plot.
 */
final class PlotPeriodics {
    /** A periodic function's thread and the stop that ends it. */
    private record Periodic(Stop stop, Thread thread) {}

    private final Engine engine;
    private final PlotValues plots;
    private final Map<String, List<Periodic>> running = new ConcurrentHashMap<>();

    PlotPeriodics(Engine engine, PlotValues plots) {
        this.engine = engine;
        this.plots = plots;
    }

    /**
     * periodic: the function called now (its failure FAILs the action), then every period in
     * the background until the plot closes; its return is a mapping of lines to values (after
     * eval, applied to $(result), when given).
     */
    Result start(Plot plot, Frame frame) {
        Path file = engine.testDirectory().resolve(frame.expandText(frame.step.field("file"))).normalize();
        String func = frame.expandText(frame.step.field("func_name"));
        Object param = frame.step.has("param") ? frame.field("param") : List.of();
        List<?> params = param instanceof List<?> l ? l : List.of(param);
        double period = frame.step.has("period") ? Basics.seconds(frame.field("period")) : 1.0;
        if (!Files.isRegularFile(file)) {
            return Result.fail("plot periodic: no file at \"" + file + "\" (file is relative to the test directory)");
        }
        PythonHelper worker = engine.helpers().freshOnce();
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
        running.computeIfAbsent(plot.name(), k -> new CopyOnWriteArrayList<>()).add(new Periodic(stop, t));
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
            plots.add(plot.name(), values);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** Ends the plot's periodic functions and waits for them (each closes its worker on its way out). */
    void stop(String plot) {
        List<Periodic> ended = running.remove(plot);
        if (ended == null) {
            return;
        }
        ended.forEach(p -> p.stop().flag());
        for (Periodic p : ended) {
            try {
                p.thread().join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
