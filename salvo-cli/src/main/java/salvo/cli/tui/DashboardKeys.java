package salvo.cli.tui;

import java.util.Optional;
import salvo.terminal.Keystroke;

/** What the dashboard's keys mean; every other key does nothing. */
final class DashboardKeys {
    private DashboardKeys() {}

    static Optional<Key> of(Keystroke k) {
        return Optional.ofNullable(switch (k.special()) {
            case CTRL_C -> Key.STOP;
            case ENTER -> Key.ENTER;
            case ESCAPE -> Key.ESCAPE;
            case UP -> Key.UP;
            case DOWN -> Key.DOWN;
            case PAGE_UP -> Key.PAGE_UP;
            case PAGE_DOWN -> Key.PAGE_DOWN;
            case HOME -> Key.HOME;
            case END -> Key.END;
            case CHAR -> letter(k.codePoint());
            default -> null;
        });
    }

    private static Key letter(int c) {
        return switch (c) {
            case 'q', 'Q' -> Key.STOP;
            case 'f', 'F' -> Key.TOGGLE_FAILURES;
            case 'k' -> Key.UP;
            case 'j' -> Key.DOWN;
            case 'g' -> Key.HOME;
            case 'G' -> Key.END;
            default -> null;
        };
    }
}
