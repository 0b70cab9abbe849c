package salvo.sequence.engine;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.Expander;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.Rules;
import salvo.sequence.load.Step;

/** Steps 5 to 8 of an item's lifecycle (§4): process_result, expected_result, store_result, no_fail. */
final class Outcomes {
    /** Stands for $(result) while the rest of the text is expanded, so a variable named result cannot capture it (§9.21). */
    private static final String PLACEHOLDER = "\u0000result\u0000";

    private Outcomes() {}

    static Result apply(Step step, Frame frame, Result r, Engine engine) {
        Evaluator evaluator = engine.evaluator(frame.stop);
        if (step.has("process_result")) {
            String text = PyRepr.str(step.field("process_result"));
            if (!text.contains("$(result)")) {
                return r.with(Verdict.FAIL, "process_result must use $(result), got '" + text + "'");
            }
            String current = r.value() != null ? PyRepr.str(r.value()) : r.verdict().name();
            String expanded = Expander.substitute(text.replace("$(result)", PLACEHOLDER), frame.scope())
                    .replace(PLACEHOLDER, current);
            Evaluator.Result processed = evaluator.eval(expanded);
            if (!processed.ok()) {
                return r.with(Verdict.FAIL, "process_result '" + expanded + "' failed: " + processed.error()).withValue(null);
            }
            r = r.withValue(processed.value());
        }
        if (step.has("expected_result")) {
            Object expected = frame.field("expected_result");
            if (expected instanceof String s) {
                Evaluator.Result parsed = evaluator.eval(s);
                if (parsed.ok()) {
                    expected = parsed.value();
                }
            }
            if (r.value() != null) {
                r = pyEquals(expected, r.value()) ? r.with(Verdict.PASS, r.message())
                        : r.with(Verdict.FAIL, "Expected result not met: expected \"" + PyRepr.str(expected) + "\", got \""
                        + PyRepr.str(r.value()) + "\".");
            } else {
                boolean met = PyRepr.str(expected).equalsIgnoreCase(r.verdict().name());
                r = met ? r.with(Verdict.PASS, r.message())
                        : r.with(Verdict.FAIL, "Expected result not met: expected \"" + PyRepr.str(expected) + "\", got \""
                        + r.verdict() + "\".");
            }
        }
        if (step.has("store_result")) {
            String name = frame.expandText(step.field("store_result"));
            engine.dictionary().set(name, r.value() != null ? r.value() : r.verdict().name());
        }
        if (r.verdict() == Verdict.FAIL && step.has("no_fail") && Rules.flag(frame.field("no_fail"), evaluator)) {
            r = r.with(Verdict.PASS, r.message().isEmpty() ? "failure ignored (no_fail)" : r.message() + " (no_fail)");
        }
        return r;
    }

    /** Python's ==: numbers by value (True == 1), lists and dicts by their elements. */
    static boolean pyEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (number(a) != null && number(b) != null) {
            return number(a).compareTo(number(b)) == 0;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ia = la.iterator();
            Iterator<?> ib = lb.iterator();
            while (ia.hasNext()) {
                if (!pyEquals(ia.next(), ib.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            return ma.size() == mb.size() && ma.entrySet().stream()
                    .allMatch(e -> mb.containsKey(e.getKey()) && pyEquals(e.getValue(), mb.get(e.getKey())));
        }
        return a.equals(b) || PyRepr.repr(a).equals(PyRepr.repr(b));
    }

    private static BigDecimal number(Object v) {
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }
}
