package salvo.sequence.operator;

import java.util.Optional;
import salvo.terminal.Keystroke;

/**
 * What the operator's keys mean outside a dialog. While a dialog is open every key is the
 * dialog's (it may be typing), except Ctrl-C, which stops the run.
 */
final class OperatorKeys {
    enum Command { STOP, PAUSE_RESUME, CONTINUE, STEP, BREAKPOINT, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, FOLLOW }

    /** The keys, as the help line shows them. */
    static final String HELP = "s stop  p pause/resume  n step  c continue  b breakpoint  ↑↓ select  f follow";

    private OperatorKeys() {}

    /** The command of a key; empty for none, or when the key belongs to the open dialog. */
    static Optional<Command> command(Keystroke k, boolean dialogOpen) {
        if (k.is(Keystroke.Special.CTRL_C)) {
            return Optional.of(Command.STOP);
        }
        if (dialogOpen) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (k.special()) {
            case UP -> Command.UP;
            case DOWN -> Command.DOWN;
            case PAGE_UP -> Command.PAGE_UP;
            case PAGE_DOWN -> Command.PAGE_DOWN;
            case HOME -> Command.HOME;
            case END -> Command.END;
            case ESCAPE -> Command.FOLLOW;
            case CHAR -> letter(k.codePoint());
            default -> null;
        });
    }

    private static Command letter(int c) {
        return switch (c) {
            case 's', 'q' -> Command.STOP;
            case 'p', ' ' -> Command.PAUSE_RESUME;
            case 'c' -> Command.CONTINUE;
            case 'n' -> Command.STEP;
            case 'b' -> Command.BREAKPOINT;
            case 'k' -> Command.UP;
            case 'j' -> Command.DOWN;
            case 'g' -> Command.HOME;
            case 'G' -> Command.END;
            case 'f' -> Command.FOLLOW;
            default -> null;
        };
    }
}
