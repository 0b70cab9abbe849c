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

    /**
     * Keeps the head and the tail of a long output, cutting the middle. The marker counts against
     * {@code max}, so a capped text is never cut again when a stored result is rebuilt.
     */
    public static String capMiddle(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        // The marker's length depends on the number it reports; grow the cut until they agree.
        int cut = s.length() - max;
        for (int next = cut; ; cut = next) {
            next = s.length() - max + middleMarker(cut).length();
            if (next == cut) {
                break;
            }
        }
        int keep = Math.max(0, s.length() - cut);
        int head = keep / 2;
        return s.substring(0, head) + middleMarker(cut) + s.substring(s.length() - (keep - head));
    }

    private static String middleMarker(int cut) {
        return "\n[… " + cut + " characters cut …]\n";
    }
}
