package salvo.cli.tui;

import org.jline.utils.AttributedStyle;
import salvo.model.Outcome;

/**
 * The dashboard's styles. Without colour (NO_COLOR, or a terminal without colours) only bold,
 * faint and inverse remain, so the selection and headings stay visible.
 */
record Palette(boolean color) {

    static final Palette MONO = new Palette(false);
    static final Palette COLOR = new Palette(true);

    /** https://no-color.org: any non-empty NO_COLOR turns colours off. */
    static Palette fromEnvironment(String noColor, int terminalColors) {
        boolean off = (noColor != null && !noColor.isEmpty()) || terminalColors < 8;
        return off ? MONO : COLOR;
    }

    AttributedStyle plain() {
        return AttributedStyle.DEFAULT;
    }

    AttributedStyle heading() {
        return AttributedStyle.BOLD;
    }

    AttributedStyle dim() {
        return AttributedStyle.DEFAULT.faint();
    }

    AttributedStyle selected() {
        return AttributedStyle.DEFAULT.inverse();
    }

    AttributedStyle accent() {
        return fg(AttributedStyle.CYAN, AttributedStyle.BOLD);
    }

    AttributedStyle good() {
        return fg(AttributedStyle.GREEN, AttributedStyle.DEFAULT);
    }

    AttributedStyle bad() {
        return fg(AttributedStyle.RED, AttributedStyle.BOLD);
    }

    AttributedStyle warn() {
        return fg(AttributedStyle.YELLOW, AttributedStyle.DEFAULT);
    }

    AttributedStyle outcome(Outcome o) {
        if (o.isFailure()) {
            return bad();
        }
        return switch (o) {
            case PASSED, XFAILED -> good();
            case FLAKY, XPASSED -> warn();
            default -> dim();
        };
    }

    private AttributedStyle fg(int colour, AttributedStyle base) {
        return color ? base.foreground(colour) : base;
    }
}
