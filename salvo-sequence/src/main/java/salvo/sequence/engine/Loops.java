package salvo.sequence.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.Rules;
import salvo.sequence.load.Step;
import salvo.sequence.python.Answer;
import salvo.sequence.python.PythonHelper;

/** loop (§3.2): rounds as containers of their own, the loop names, and the exit conditions. */
final class Loops {
    private final Engine engine;

    Loops(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame) {
        Object iterator = step.has("iterator") ? frame.field("iterator") : null;
        List<?> elements = null;
        Long count;
        if (iterator == null) {
            count = null;
        } else if (iterator instanceof Long || iterator instanceof Integer) {
            count = ((Number) iterator).longValue();
        } else if (iterator instanceof List<?> list) {
            elements = list;
            count = (long) list.size();
        } else {
            return Result.fail("unrecognized type for iterator: " + PyRepr.repr(iterator) + " (use a count or a list)");
        }
        boolean stopOnFailure = step.has("stop_on_failure")
                && Rules.flag(frame.field("stop_on_failure"), engine.evaluator(frame.stop));
        long started = System.nanoTime();
        int failed = 0;
        long firstFailed = -1;
        long rounds = 0;
        Map<String, Object> data = new LinkedHashMap<>();
        String total = count == null ? "inf" : count.toString();
        for (long i = 0; count == null || i < count; i++) {
            if (frame.stop.stopped()) {
                break;
            }
            Object param = elements != null ? elements.get((int) i) : (Object) (i + 1);
            frame.info("Cycle \"" + step.title() + "\" iteration " + (i + 1) + "/" + total + ".");
            Frame round = frame.child(step, "#" + (i + 1), "round " + (i + 1), new LoopVars(param, i, count), frame.stop,
                    frame.prefix);
            long roundStart = System.nanoTime();
            Result r = engine.children(step.children(), round, false);
            engine.roundFinished(round, r, roundStart);
            rounds = i + 1;
            if (r.verdict() == Verdict.FAIL) {
                failed++;
                firstFailed = firstFailed < 0 ? i + 1 : firstFailed;
                if (stopOnFailure) {
                    break;
                }
            }
            if (r.verdict() != Verdict.FAIL || !stopOnFailure) {
                Exit exit = exit(step, round, started);
                if (exit.error != null) {
                    return Result.fail("exit_condition failed: " + exit.error);
                }
                if (exit.reason != null) {
                    data.put("exit", exit.reason);
                    break;
                }
            }
        }
        data.put("count", rounds);
        if (failed > 0) {
            return new Result(Verdict.FAIL, null, failed + " round(s) failed, first " + firstFailed
                    + " (Cycle " + firstFailed + "/" + total + ")", data);
        }
        if (frame.stop.stopped()) {
            return new Result(Verdict.SKIP, null, "stopped after " + rounds + " round(s)", data);
        }
        return new Result(Verdict.PASS, null, "", data);
    }

    private record Exit(String reason, String error) {}

    private Exit exit(Step step, Frame round, long started) {
        if (!(step.field("exit_condition") instanceof Map<?, ?> raw)) {
            return new Exit(null, null);
        }
        if (raw.get("time") != null) {
            Object time = round.expand(raw.get("time"));
            double minutes = time instanceof Number n ? n.doubleValue() : Double.parseDouble(PyRepr.str(time));
            if ((System.nanoTime() - started) / 1e9 >= minutes * 60) {
                return new Exit("time elapsed", null);
            }
        }
        if (raw.get("value") != null) {
            Object value = round.expand(raw.get("value"));
            if (!(value instanceof Boolean)) {
                round.warn("exit_condition value " + PyRepr.repr(value) + " is not a boolean; counted as false");
            } else if ((Boolean) value) {
                return new Exit("condition", null);
            }
        }
        if (raw.get("file") != null && raw.get("func_name") != null) {
            Path file = engine.testDirectory().resolve(round.expandText(raw.get("file")));
            Object param = raw.get("param") != null ? round.expand(raw.get("param"))
                    : List.of(round.loop.param());
            List<?> params = param instanceof List<?> l ? l : List.of(param);
            PythonHelper worker = engine.helpers().fresh();
            Answer a;
            try {
                a = PyFuncs.call(worker, file, round.expandText(raw.get("func_name")), params, round);
            } finally {
                engine.helpers().retire(worker);
            }
            if (!a.ok()) {
                return new Exit(null, a.error().strip().lines().reduce((x, y) -> y).orElse(a.error()));
            }
            Object result = a.value();
            if (raw.get("eval") != null) {
                // §9.1: eval applies to the function's result.
                String text = PyRepr.str(raw.get("eval")).replace("$(result)", PyRepr.repr(result));
                var r = engine.evaluator(round.stop).eval(salvo.sequence.expr.Expander.substitute(text, round.scope()));
                if (!r.ok()) {
                    return new Exit(null, "eval '" + text + "': " + r.error());
                }
                result = r.value();
            }
            if (Rules.truthy(result)) {
                return new Exit("returned value", null);
            }
        }
        return new Exit(null, null);
    }
}
