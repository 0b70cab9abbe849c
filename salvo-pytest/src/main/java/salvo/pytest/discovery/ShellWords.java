package salvo.pytest.discovery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a setting value into words the way pytest does for its "args" settings ({@code
 * shlex.split} in POSIX mode): whitespace, newlines included, separates words; single quotes take
 * everything literally; double quotes let a backslash escape only '"' and '\'; outside quotes a
 * backslash escapes any character. There are no comments.
 */
final class ShellWords {
    private static final String WHITESPACE = " \t\r\n"; // shlex's set, no more

    private ShellWords() {}

    /** @throws IllegalArgumentException for an unclosed quote or a trailing backslash */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (WHITESPACE.indexOf(c) >= 0) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'') {
                int close = text.indexOf('\'', i);
                if (close < 0) {
                    throw new IllegalArgumentException("no closing quotation (')");
                }
                word.append(text, i, close);
                i = close + 1;
                inWord = true;
            } else if (c == '"') {
                i = appendDoubleQuoted(text, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i >= text.length()) {
                    throw new IllegalArgumentException("backslash at the end, escaping nothing");
                }
                word.append(text.charAt(i++));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the body of a double-quoted run starting at {@code i}; returns the index after it. */
    private static int appendDoubleQuoted(String text, int i, StringBuilder word) {
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\\')) {
                c = text.charAt(i++);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("no closing quotation (\")");
    }
}
