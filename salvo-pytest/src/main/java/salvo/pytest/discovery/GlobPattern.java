package salvo.pytest.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A shell-style pattern with the semantics of Python's {@code fnmatch}, which pytest uses for
 * {@code python_files} and {@code norecursedirs}: {@code *} matches any run of characters (a '/'
 * and a leading '.' included), {@code ?} one character, {@code [seq]} / {@code [!seq]} one
 * character in / not in a set with {@code a-z} ranges. An unclosed '[' is a literal and '\' is
 * not an escape. Matching is case-sensitive, as fnmatch is on POSIX. java.nio's glob PathMatcher
 * differs on several of these points, hence this class.
 */
public final class GlobPattern {
    private final String source;
    private final List<Token> tokens;

    private GlobPattern(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    public static GlobPattern compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new GlobPattern(pattern, tokenize(pattern.codePoints().toArray()));
    }

    /** Whether the whole of {@code text} matches the pattern. */
    public boolean matches(String text) {
        int[] chars = text.codePoints().toArray();
        int t = 0;
        int c = 0;
        int starToken = -1;
        int starChar = -1;
        // Greedy '*' with backtracking to the latest star: linear for typical patterns.
        while (c < chars.length) {
            if (t < tokens.size() && tokens.get(t) instanceof AnyRun) {
                starToken = t++;
                starChar = c;
            } else if (t < tokens.size() && ((OneChar) tokens.get(t)).accepts(chars[c])) {
                t++;
                c++;
            } else if (starToken >= 0) {
                t = starToken + 1;
                c = ++starChar;
            } else {
                return false;
            }
        }
        while (t < tokens.size() && tokens.get(t) instanceof AnyRun) {
            t++;
        }
        return t == tokens.size();
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<Token> tokenize(int[] p) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < p.length) {
            int c = p[i++];
            if (c == '*') {
                if (tokens.isEmpty() || !(tokens.get(tokens.size() - 1) instanceof AnyRun)) {
                    tokens.add(new AnyRun());
                }
            } else if (c == '?') {
                tokens.add((OneChar) ch -> true);
            } else if (c == '[') {
                int close = closingBracket(p, i);
                if (close < 0) {
                    tokens.add(literal('['));
                } else {
                    tokens.add(charSet(p, i, close));
                    i = close + 1;
                }
            } else {
                tokens.add(literal(c));
            }
        }
        return List.copyOf(tokens);
    }

    /** Index of the ']' closing a set that opens just before {@code from}, or -1: fnmatch's rules. */
    private static int closingBracket(int[] p, int from) {
        int j = from;
        if (j < p.length && p[j] == '!') {
            j++;
        }
        if (j < p.length && p[j] == ']') {
            j++; // a ']' first in the set is a member, not the end
        }
        while (j < p.length && p[j] != ']') {
            j++;
        }
        return j < p.length ? j : -1;
    }

    private static OneChar charSet(int[] p, int start, int end) {
        boolean negated = p[start] == '!';
        List<int[]> ranges = new ArrayList<>();
        int k = negated ? start + 1 : start;
        while (k < end) {
            if (k + 2 < end && p[k + 1] == '-') {
                ranges.add(new int[] {p[k], p[k + 2]}); // a reversed range such as z-a matches nothing
                k += 3;
            } else {
                ranges.add(new int[] {p[k], p[k]});
                k++;
            }
        }
        return ch -> {
            boolean member = ranges.stream().anyMatch(r -> r[0] <= ch && ch <= r[1]);
            return member != negated;
        };
    }

    private static OneChar literal(int expected) {
        return ch -> ch == expected;
    }

    private interface Token {}

    private record AnyRun() implements Token {}

    @FunctionalInterface
    private interface OneChar extends Token {
        boolean accepts(int ch);
    }
}
