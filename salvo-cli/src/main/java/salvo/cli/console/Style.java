package salvo.cli.console;

import salvo.model.Outcome;

/** Colour for outcomes when writing to a terminal, and none when NO_COLOR is set or output is piped. */
public final class Style {
    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    public static Style forTerminal(boolean terminal) {
        String noColor = System.getenv("NO_COLOR");
        return new Style(terminal && (noColor == null || noColor.isEmpty()));
    }

    public static Style plain() {
        return new Style(false);
    }

    public String outcome(Outcome o, String text) {
        return switch (o) {
            case PASSED, XFAILED -> paint("32", text);
            case FAILED, ERROR, TIMEOUT, CRASHED -> paint("31;1", text);
            case FLAKY, XPASSED, INCOMPLETE -> paint("33", text);
            case SKIPPED -> paint("36", text);
        };
    }

    /** Worth a look, not a failure: warnings, in the yellow test frameworks paint them. */
    public String warning(String text) {
        return paint("33", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    public String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
