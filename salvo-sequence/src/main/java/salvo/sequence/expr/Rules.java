package salvo.sequence.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How an expanded value counts as true (SEQUENCES.md §2.3): strict, flag and truthy. */
public final class Rules {
    private static final Set<String> YES = Set.of("true", "t", "y", "yes", "ok");
    private static final Set<String> NO = Set.of("false", "f", "n", "no", "nok", "ko");

    private Rules() {}

    /** A real boolean only; empty when it is anything else. */
    public static Optional<Boolean> strict(Object v) {
        return v instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** Booleans, the yes/no words, other text evaluated as Python, ints above 0. */
    public static boolean flag(Object v, Evaluator evaluator) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() > 0;
        }
        if (v instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (YES.contains(t)) {
                return true;
            }
            if (NO.contains(t) || t.isEmpty()) {
                return false;
            }
            Evaluator.Result r = evaluator == null ? Evaluator.Result.failed("no evaluator") : evaluator.eval(s.strip());
            return r.ok() && !(r.value() instanceof String) && flag(r.value(), null);
        }
        return truthy(v);
    }

    /** Python's truthiness. */
    public static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
