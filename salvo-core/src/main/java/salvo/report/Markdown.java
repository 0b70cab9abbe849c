package salvo.report;

import java.util.List;

/**
 * Writing Markdown (GitHub flavour) from text that may contain anything: test ids with
 * brackets and pipes, messages with backticks, details with code fences of their own.
 */
final class Markdown {
    // ASCII punctuation that means something inline; '|' is left to row(), which knows it is in a table.
    private static final String INLINE_SPECIAL = "\\`*_[]<>~&";

    private Markdown() {}

    /** Plain text, shown as written: every character Markdown would interpret is escaped. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : oneLine(s).toCharArray()) {
            if (INLINE_SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span whose delimiter is longer than any run of backticks inside it. */
    static String code(String s) {
        String content = oneLine(s);
        if (content.isEmpty()) {
            return "";
        }
        String fence = "`".repeat(longestBacktickRun(content) + 1);
        // A span that starts or ends with a backtick needs a space between it and the delimiter;
        // Markdown strips one space from each side when both are there.
        boolean pad = content.startsWith("`") || content.endsWith("`") || content.startsWith(" ") && content.endsWith(" ");
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    /** A table row. Pipes are escaped even inside code spans: GFM splits cells before it reads spans. */
    static String row(List<String> cells) {
        StringBuilder out = new StringBuilder("|");
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return out.append('\n').toString();
    }

    static String row(String... cells) {
        return row(List.of(cells));
    }

    /** The line under a table's header; {@code true} marks a right-aligned (numeric) column. */
    static String separator(boolean... rightAligned) {
        StringBuilder out = new StringBuilder("|");
        for (boolean right : rightAligned) {
            out.append(right ? " ---: |" : " --- |");
        }
        return out.append('\n').toString();
    }

    /** A fenced code block whose fence no line of the content can close early. */
    static String fenced(String content) {
        String plain = TerminalText.plain(content);
        String fence = "`".repeat(Math.max(3, longestBacktickRun(plain) + 1));
        String body = plain.endsWith("\n") ? plain : plain + "\n";
        return fence + "\n" + body + fence + "\n";
    }

    private static String oneLine(String s) {
        return TerminalText.plain(s).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
