package salvo.sequence.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of {@link SimpleParser}'s subset: literals, ASCII words and operators. Whatever
 * Python might read differently (escapes, prefixes, 0x1F, 1_000, 1j, 007, newlines, comments,
 * non-ASCII outside strings) is Unsupported rather than guessed.
 */
final class SimpleTokens {
    /** An int (Long), float (Double) or str literal. */
    record Literal(Object value) {}

    private SimpleTokens() {}

    static List<Object> of(String text) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                i = number(text, i, out);
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw SimpleParser.UNSUPPORTED;
                }
                String body = text.substring(i + 1, end);
                // Escapes, and a """ or ''' string, are left to Python.
                if (!plain(body) || (body.isEmpty() && end + 1 < n && text.charAt(end + 1) == c)) {
                    throw SimpleParser.UNSUPPORTED;
                }
                out.add(new Literal(body));
                i = end + 1;
            } else if (isWordStart(c)) {
                int end = i + 1;
                while (end < n && isWordPart(text.charAt(end))) {
                    end++;
                }
                if (end < n && (text.charAt(end) == '\'' || text.charAt(end) == '"')) {
                    throw SimpleParser.UNSUPPORTED; // r'', b'', f'' …
                }
                out.add(text.substring(i, end));
                i = end;
            } else {
                String op = operator(text, i);
                out.add(op);
                i += op.length();
            }
        }
        return out;
    }

    private static String operator(String text, int i) {
        String two = i + 2 <= text.length() ? text.substring(i, i + 2) : "";
        switch (two) {
            case "//", "==", "!=", "<=", ">=" -> {
                return two;
            }
            case "**", "<<", ">>", "<>", "->", ":=" -> throw SimpleParser.UNSUPPORTED;
            default -> { }
        }
        char c = text.charAt(i);
        if ("()+-*/%<>".indexOf(c) >= 0) {
            return String.valueOf(c);
        }
        throw SimpleParser.UNSUPPORTED;
    }

    /** Decimal ints without leading zeros, and floats with a dot or an exponent. */
    private static int number(String text, int start, List<Object> out) {
        int n = text.length();
        int i = digits(text, start);
        boolean isFloat = false;
        if (i < n && text.charAt(i) == '.') {
            isFloat = true;
            i = digits(text, i + 1);
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            int end = digits(text, e);
            if (end == e) {
                throw SimpleParser.UNSUPPORTED;
            }
            isFloat = true;
            i = end;
        }
        if (i < n && (isWordPart(text.charAt(i)) || text.charAt(i) == '.')) {
            throw SimpleParser.UNSUPPORTED; // 1_000, 0x1F, 1j, 1.real, 1if …
        }
        String literal = text.substring(start, i);
        if (isFloat) {
            out.add(new Literal(Double.parseDouble(literal)));
            return i;
        }
        if (literal.length() > 1 && literal.charAt(0) == '0' || literal.length() > 18) {
            throw SimpleParser.UNSUPPORTED; // 007 is a syntax error; big ints are Python's
        }
        out.add(new Literal(Long.parseLong(literal)));
        return i;
    }

    /** No backslash, no control character but tab, no surrogate: read the same by Python and by Java. */
    private static boolean plain(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' || (c < 0x20 && c != '\t') || c == 0x7f || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
