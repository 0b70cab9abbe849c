package salvo.sequence.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the small part of Python's expression grammar that sequences use most once their
 * $(…) are substituted: int, float and plain string literals, True, False, None, names,
 * parentheses, unary + and -, + - * / // %, chained comparisons, not, and, or. Anything else
 * (calls, attributes, escapes, ** …) is {@link Unsupported}: the caller then asks Python, so
 * this parser never needs to know more, and whatever it accepts is valid Python.
 */
public final class SimpleParser {
    /** An expression outside the subset; no stack trace, since it is the common way out. */
    public static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    static final Unsupported UNSUPPORTED = new Unsupported();

    /** Python's keywords: none is a name, and those outside the subset end the parse. */
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    /** The tree: constants, names and operators, evaluated by {@link SimpleEvaluator}. */
    sealed interface Node permits Const, Name, Unary, Binary, Not, Logical, Compare {}

    record Const(Object value) implements Node {}

    record Name(String name) implements Node {}

    record Unary(char op, Node operand) implements Node {}

    record Binary(String op, Node left, Node right) implements Node {}

    record Not(Node operand) implements Node {}

    record Logical(boolean and, Node left, Node right) implements Node {}

    record Compare(List<Node> operands, List<String> ops) implements Node {}

    private final List<Object> tokens;
    private int at;

    private SimpleParser(List<Object> tokens) {
        this.tokens = tokens;
    }

    /** The tree of {@code text}, or Unsupported when it is outside the subset. */
    static Node parse(String text) {
        SimpleParser p = new SimpleParser(SimpleTokens.of(text));
        Node n = p.orTest();
        if (p.at != p.tokens.size()) {
            throw UNSUPPORTED;
        }
        return n;
    }

    /** True when Python surely parses {@code text}: it is inside the subset (names allowed). */
    public static boolean parses(String text) {
        try {
            parse(text);
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    private Object peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean accept(String op) {
        if (op.equals(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private Node orTest() {
        Node n = andTest();
        while (accept("or")) {
            n = new Logical(false, n, andTest());
        }
        return n;
    }

    private Node andTest() {
        Node n = notTest();
        while (accept("and")) {
            n = new Logical(true, n, notTest());
        }
        return n;
    }

    private Node notTest() {
        return accept("not") ? new Not(notTest()) : comparison();
    }

    private Node comparison() {
        Node first = arith();
        if (!isComparison(peek())) {
            return first;
        }
        List<Node> operands = new ArrayList<>(List.of(first));
        List<String> ops = new ArrayList<>();
        while (isComparison(peek())) {
            ops.add((String) tokens.get(at++));
            operands.add(arith());
        }
        return new Compare(operands, ops);
    }

    private static boolean isComparison(Object token) {
        return token instanceof String op && COMPARISONS.contains(op);
    }

    private Node arith() {
        Node n = term();
        while (peek() instanceof String op && (op.equals("+") || op.equals("-"))) {
            at++;
            n = new Binary(op, n, term());
        }
        return n;
    }

    private Node term() {
        Node n = factor();
        while (peek() instanceof String op && (op.equals("*") || op.equals("/") || op.equals("//") || op.equals("%"))) {
            at++;
            n = new Binary(op, n, factor());
        }
        return n;
    }

    private Node factor() {
        if (accept("-")) {
            return new Unary('-', factor());
        }
        if (accept("+")) {
            return new Unary('+', factor());
        }
        return atom();
    }

    private Node atom() {
        Object t = peek();
        at++;
        if (t instanceof SimpleTokens.Literal l) {
            return new Const(l.value());
        }
        if ("(".equals(t)) {
            Node inner = orTest();
            if (!accept(")")) {
                throw UNSUPPORTED;
            }
            return inner;
        }
        if (t instanceof String word && !word.isEmpty() && Character.isJavaIdentifierStart(word.charAt(0))) {
            switch (word) {
                case "True" -> {
                    return new Const(Boolean.TRUE);
                }
                case "False" -> {
                    return new Const(Boolean.FALSE);
                }
                case "None" -> {
                    return new Const(null);
                }
                default -> {
                    if (KEYWORDS.contains(word)) {
                        throw UNSUPPORTED;
                    }
                    return new Name(word);
                }
            }
        }
        throw UNSUPPORTED;
    }
}
