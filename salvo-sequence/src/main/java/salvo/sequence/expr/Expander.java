package salvo.sequence.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $(name)} and {@code <| expr |>} expansion (SEQUENCES.md §2.2): every string of a value,
 * keys included, over up to 10 rounds until stable; innermost references first; a string that is
 * exactly one reference to a non-string value gives that value; otherwise values are spliced as
 * Python's str() prints them. Pure, but for the scope it is given.
 */
public final class Expander {
    public static final int ROUNDS = 10;
    /** An innermost reference: no '$(' inside, ends at the first ')'. */
    static final Pattern REFERENCE = Pattern.compile("\\$\\(([^()$]*)\\)");
    static final Pattern EXPRESSION = Pattern.compile("<\\|(.*?)\\|>", Pattern.DOTALL);
    private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\s*\\$\\(([^()$]*)\\)\\s*");
    private static final Pattern WHOLE_EXPRESSION = Pattern.compile("\\s*<\\|((?:(?!\\|>).)*)\\|>\\s*", Pattern.DOTALL);

    private Expander() {}

    public static Object expand(Object value, Scope scope) {
        if (value instanceof String s) {
            return expandString(s, scope);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(expand(v, scope)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k instanceof String ks ? PyRepr.str(expandString(ks, scope)) : k, expand(v, scope)));
            return out;
        }
        return value;
    }

    /** Expands $(…) only, without evaluating expressions (for text that is Python already). */
    public static String substitute(String text, Scope scope) {
        String current = text;
        for (int round = 0; round < ROUNDS; round++) {
            Object next = references(current, scope, false);
            String n = PyRepr.str(next);
            if (n.equals(current)) {
                break;
            }
            current = n;
        }
        return current;
    }

    static Object expandString(String text, Scope scope) {
        Object current = text;
        for (int round = 0; round < ROUNDS && current instanceof String s; round++) {
            Object next = references(s, scope, true);
            if (next instanceof String ns) {
                next = expressions(ns, scope);
            }
            if (next instanceof String ns && ns.equals(s)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** One round of $(…): repeated until nothing more is known, so $(t_$(k)) resolves in one round. */
    private static Object references(String text, Scope scope, boolean typed) {
        Matcher whole = WHOLE_REFERENCE.matcher(text);
        if (typed && whole.matches()) {
            Object v = scope.lookup(whole.group(1));
            if (v == null) {
                scope.undefined(whole.group(1));
                return text;
            }
            return v;
        }
        String current = text;
        java.util.Set<String> unknown = new java.util.HashSet<>();
        while (true) {
            Matcher m = REFERENCE.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String name = m.group(1);
                Object v = scope.lookup(name);
                if (v == null) {
                    if (unknown.add(name)) {
                        scope.undefined(name);
                    }
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                } else {
                    m.appendReplacement(out, Matcher.quoteReplacement(PyRepr.str(v)));
                    changed = true;
                }
            }
            m.appendTail(out);
            String next = out.toString();
            if (!changed) {
                return current;
            }
            Matcher again = WHOLE_REFERENCE.matcher(next);
            if (typed && again.matches() && !unknown.contains(again.group(1))) {
                Object v = scope.lookup(again.group(1));
                if (v != null) {
                    return v;
                }
            }
            current = next;
        }
    }

    private static Object expressions(String text, Scope scope) {
        Matcher whole = WHOLE_EXPRESSION.matcher(text);
        if (whole.matches()) {
            Evaluator.Result r = scope.evaluator().eval(whole.group(1).strip());
            if (!r.ok()) {
                scope.failed(whole.group(1).strip(), r.error());
                return text;
            }
            return r.value();
        }
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Evaluator.Result r = scope.evaluator().eval(m.group(1).strip());
            if (r.ok()) {
                m.appendReplacement(out, Matcher.quoteReplacement(PyRepr.str(r.value())));
            } else {
                scope.failed(m.group(1).strip(), r.error());
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The expressions in a text, each with its $(…) replaced by a placeholder name, for a syntax check at load. */
    public static List<String> expressionsForCheck(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            String expr = m.group(1);
            String previous;
            do {
                previous = expr;
                expr = REFERENCE.matcher(expr).replaceAll("_v");
            } while (!expr.equals(previous));
            found.add(expr.strip());
        }
        return found;
    }

    /** The names a text refers to with {@code $(name)}, each once, in order (not those built of other references). */
    public static java.util.Set<String> referenceNames(String text) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The expression of a text that is one {@code <| expr |>} and nothing else, stripped. */
    public static Optional<String> wholeExpression(String text) {
        Matcher whole = WHOLE_EXPRESSION.matcher(text);
        return whole.matches() ? Optional.of(whole.group(1).strip()) : Optional.empty();
    }

    public static boolean hasMarkers(String text) {
        return text.contains("$(") || text.contains("<|");
    }
}
