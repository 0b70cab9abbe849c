package salvo.report;

import java.util.regex.Pattern;

/** Test output as plain text: terminal colour codes and other control characters removed. */
final class TerminalText {
    // CSI sequences (colours, cursor moves), OSC sequences (titles, links) and two-byte escapes.
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]");
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private TerminalText() {}

    /** Keeps tabs and line breaks; a report that shows {@code [31m} helps nobody. */
    static String plain(String s) {
        if (s.indexOf('\u001B') < 0 && !CONTROLS.matcher(s).find()) {
            return s;
        }
        return CONTROLS.matcher(ESCAPES.matcher(s).replaceAll("")).replaceAll("");
    }
}
