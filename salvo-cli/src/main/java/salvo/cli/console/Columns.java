package salvo.cli.console;

/**
 * Console columns: text padded to a column's width (never cut: an outcome's name stays whole), or
 * cut to it with an ellipsis. Pure.
 */
final class Columns {
    private Columns() {}

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
