package salvo.model;

/** Small text rules shared by results and reports. */
public final class Text {
    private Text() {}

    /** The first non-blank line, trimmed, at most 300 characters: what a summary row can hold. */
    public static String oneLine(String s) {
        for (String line : s.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() <= 300 ? t : t.substring(0, 299) + "…";
            }
        }
        return "";
    }

    /** Keeps the end of a long text, where tracebacks put the cause, and says what was cut. */
    public static String capTail(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String marker = "[… " + (s.length() - max) + " characters cut …]\n";
        return marker + s.substring(s.length() - (max - marker.length()));
    }

    /** Keeps the head and the tail of a long output, cutting the middle. */
    public static String capMiddle(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int half = max / 2;
        return s.substring(0, half) + "\n[… " + (s.length() - 2 * half) + " characters cut …]\n"
                + s.substring(s.length() - half);
    }
}
