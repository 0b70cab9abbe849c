package salvo.sequence.expr;

import java.util.List;
import salvo.sequence.expr.SimpleParser.Binary;
import salvo.sequence.expr.SimpleParser.Compare;
import salvo.sequence.expr.SimpleParser.Const;
import salvo.sequence.expr.SimpleParser.Logical;
import salvo.sequence.expr.SimpleParser.Node;
import salvo.sequence.expr.SimpleParser.Not;
import salvo.sequence.expr.SimpleParser.Unary;

/**
 * Evaluates {@link SimpleParser}'s trees with Python's semantics, on Long (int), Double (float),
 * Boolean (bool, an int in arithmetic), String (str) and null (None). Where Python would raise,
 * overflow a long, make inf or nan, or convert an int to float inexactly, it gives up
 * ({@link SimpleParser.Unsupported}) so that Python answers, its error message included.
 */
public final class SimpleEvaluator {
    /** Ints up to 2^53 convert to float exactly, so Java's double arithmetic rounds as Python's does. */
    private static final long EXACT = 1L << 53;

    private SimpleEvaluator() {}

    /** The value of a Python expression, or Unsupported when Python must evaluate it. */
    public static Object eval(String expression) {
        Object v;
        try {
            v = value(SimpleParser.parse(expression));
        } catch (ArithmeticException overflow) {
            throw SimpleParser.UNSUPPORTED; // Python's ints do not overflow
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            throw SimpleParser.UNSUPPORTED; // the helper answers inf and nan as text
        }
        return v;
    }

    /**
     * A Python literal as ast.literal_eval reads it: a constant, or a signed number; anything
     * more (ast.literal_eval refuses 1 + 2) is Unsupported.
     */
    public static Object literal(String text) {
        Node n = SimpleParser.parse(text.strip());
        if (n instanceof Unary u && u.operand() instanceof Const c && c.value() instanceof Number) {
            return eval(text.strip());
        }
        if (n instanceof Const c) {
            return eval(text.strip());
        }
        throw SimpleParser.UNSUPPORTED;
    }

    /**
     * True when ast.literal_eval surely refuses the text, as it does most -d values that are
     * text (paths, words): a literal starts with a digit, '.', a quote, a bracket or a sign,
     * or is True, False, None, or a prefixed string (r'…'). Anything else starting with a name
     * or another character is not one. Doubtful texts answer false: Python decides them.
     */
    public static boolean surelyNotLiteral(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == text.length()) {
            return true;
        }
        char c = text.charAt(i);
        if (c >= 0x80) {
            return true; // a Unicode name, or what Python's tokenizer rejects
        }
        if (Character.isLetter(c) || c == '_') {
            int end = i;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')
                    && text.charAt(end) <= 0x7e) {
                end++;
            }
            String word = text.substring(i, end);
            boolean quoteNext = end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '"');
            return !quoteNext && !word.equals("True") && !word.equals("False") && !word.equals("None");
        }
        return c > ' ' && "0123456789.'\"([{+-".indexOf(c) < 0;
    }

    static Object value(Node n) {
        if (n instanceof Const c) {
            return c.value();
        }
        if (n instanceof Unary u) {
            return unary(u.op(), value(u.operand()));
        }
        if (n instanceof Binary b) {
            return binary(b.op(), value(b.left()), value(b.right()));
        }
        if (n instanceof Not not) {
            return !Rules.truthy(value(not.operand()));
        }
        if (n instanceof Logical l) {
            // and/or give one of their operands, and the right one only when needed.
            Object left = value(l.left());
            return Rules.truthy(left) == l.and() ? value(l.right()) : left;
        }
        if (n instanceof Compare c) {
            return compare(c.operands(), c.ops());
        }
        throw SimpleParser.UNSUPPORTED; // a name: only Python knows it
    }

    private static Object unary(char op, Object v) {
        if (isInt(v)) {
            long x = asLong(v);
            return op == '-' ? Math.negateExact(x) : x;
        }
        if (v instanceof Double d) {
            return op == '-' ? -d : d;
        }
        throw SimpleParser.UNSUPPORTED;
    }

    private static Object binary(String op, Object a, Object b) {
        if (op.equals("+") && a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (isInt(a) && isInt(b)) {
            return ints(op, asLong(a), asLong(b));
        }
        if (isNumber(a) && isNumber(b)) {
            return floats(op, asDouble(a), asDouble(b));
        }
        throw SimpleParser.UNSUPPORTED;
    }

    private static Object ints(String op, long x, long y) {
        switch (op) {
            case "+" -> {
                return Math.addExact(x, y);
            }
            case "-" -> {
                return Math.subtractExact(x, y);
            }
            case "*" -> {
                return Math.multiplyExact(x, y);
            }
            case "/" -> {
                // True division: exact operands, one IEEE division, rounded as Python rounds it.
                nonZero(y);
                return exact(x) / (double) exact(y);
            }
            case "//" -> {
                nonZero(y);
                return Math.floorDiv(exact(x), y);
            }
            case "%" -> {
                nonZero(y);
                return Math.floorMod(exact(x), y);
            }
            default -> throw SimpleParser.UNSUPPORTED;
        }
    }

    private static Object floats(String op, double x, double y) {
        switch (op) {
            case "+" -> {
                return x + y;
            }
            case "-" -> {
                return x - y;
            }
            case "*" -> {
                return x * y;
            }
            case "/" -> {
                if (y == 0) {
                    throw SimpleParser.UNSUPPORTED; // ZeroDivisionError, not inf
                }
                return x / y;
            }
            default -> throw SimpleParser.UNSUPPORTED; // float // and % round in their own way
        }
    }

    /** A chain a < b < c: each pair in turn, False at the first that fails. */
    private static Object compare(List<Node> operands, List<String> ops) {
        Object left = value(operands.get(0));
        for (int i = 0; i < ops.size(); i++) {
            Object right = value(operands.get(i + 1));
            if (!compare(ops.get(i), left, right)) {
                return false;
            }
            left = right;
        }
        return true;
    }

    private static boolean compare(String op, Object a, Object b) {
        if (op.equals("==") || op.equals("!=")) {
            return equal(a, b) == op.equals("==");
        }
        int order;
        if (isInt(a) && isInt(b)) {
            order = Long.compare(asLong(a), asLong(b));
        } else if (isNumber(a) && isNumber(b)) {
            double x = asDouble(a);
            double y = asDouble(b);
            // Primitive comparisons, so that nan compares false as in Python.
            switch (op) {
                case "<" -> {
                    return x < y;
                }
                case "<=" -> {
                    return x <= y;
                }
                case ">" -> {
                    return x > y;
                }
                default -> {
                    return x >= y;
                }
            }
        } else if (a instanceof String x && b instanceof String y) {
            order = Integer.signum(x.compareTo(y)); // no surrogates here: UTF-16 order is code point order
        } else {
            throw SimpleParser.UNSUPPORTED; // TypeError
        }
        switch (op) {
            case "<" -> {
                return order < 0;
            }
            case "<=" -> {
                return order <= 0;
            }
            case ">" -> {
                return order > 0;
            }
            default -> {
                return order >= 0;
            }
        }
    }

    private static boolean equal(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return asLong(a) == asLong(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return asDouble(a) == asDouble(b);
        }
        if (a == null || b == null) {
            return a == b;
        }
        return a instanceof String && a.equals(b); // str == str; a str never equals a number
    }

    private static void nonZero(long y) {
        if (y == 0) {
            throw SimpleParser.UNSUPPORTED; // ZeroDivisionError
        }
    }

    private static long exact(long x) {
        if (x > EXACT || x < -EXACT) {
            throw SimpleParser.UNSUPPORTED;
        }
        return x;
    }

    private static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Boolean;
    }

    private static boolean isNumber(Object v) {
        return isInt(v) || v instanceof Double;
    }

    private static long asLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
    }

    private static double asDouble(Object v) {
        return v instanceof Double d ? d : exact(asLong(v));
    }
}
