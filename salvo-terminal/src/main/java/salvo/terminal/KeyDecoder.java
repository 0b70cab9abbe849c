package salvo.terminal;

import java.util.Optional;
import salvo.terminal.Keystroke.Special;

/**
 * Turns the characters a terminal sends into keystrokes. Arrows and paging keys arrive as escape
 * sequences (CSI {@code ESC [ ... final} or SS3 {@code ESC O x}); a lone ESC is the Esc key, which
 * can only be told apart by a pause: the reader calls {@link #pause()} when none came in time.
 */
public final class KeyDecoder {
    private static final int ESC = 0x1b;

    private final StringBuilder pending = new StringBuilder();

    /** True while an escape sequence is incomplete: read the next character with a short timeout. */
    public boolean inSequence() {
        return pending.length() > 0;
    }

    public Optional<Keystroke> feed(int c) {
        if (pending.length() == 0) {
            if (c == ESC) {
                pending.append((char) c);
                return Optional.empty();
            }
            return single(c);
        }
        pending.append((char) c);
        if (pending.length() == 2) {
            if (c == '[' || c == 'O') {
                return Optional.empty();
            }
            pending.setLength(0);
            if (c == ESC) {
                // Esc pressed twice quickly: the first is a key, the second may start a sequence.
                pending.append((char) c);
                return Optional.of(Keystroke.of(Special.ESCAPE));
            }
            // ESC + key is Alt+key: nothing a view uses.
            return Optional.empty();
        }
        boolean complete = pending.charAt(1) == 'O' || (c >= 0x40 && c <= 0x7e);
        if (!complete && pending.length() < 16) {
            return Optional.empty();
        }
        String seq = pending.substring(1);
        pending.setLength(0);
        return sequence(seq);
    }

    /** Nothing followed in time: a lone ESC was the Esc key; a cut sequence is dropped. */
    public Optional<Keystroke> pause() {
        boolean loneEsc = pending.length() == 1;
        pending.setLength(0);
        return loneEsc ? Optional.of(Keystroke.of(Special.ESCAPE)) : Optional.empty();
    }

    private static Optional<Keystroke> single(int c) {
        Special special = switch (c) {
            case '\r', '\n' -> Special.ENTER;
            case '\t' -> Special.TAB;
            case 0x7f, 0x08 -> Special.BACKSPACE;
            case 0x03 -> Special.CTRL_C;
            default -> Special.CHAR;
        };
        if (special != Special.CHAR) {
            return Optional.of(Keystroke.of(special));
        }
        // Other control characters would move the cursor if echoed in a field: none is a key here.
        return Character.isISOControl(c) ? Optional.empty() : Optional.of(Keystroke.character(c));
    }

    private static Optional<Keystroke> sequence(String seq) {
        Special special = switch (seq) {
            case "[A", "OA" -> Special.UP;
            case "[B", "OB" -> Special.DOWN;
            case "[C", "OC" -> Special.RIGHT;
            case "[D", "OD" -> Special.LEFT;
            case "[5~" -> Special.PAGE_UP;
            case "[6~" -> Special.PAGE_DOWN;
            case "[H", "OH", "[1~", "[7~" -> Special.HOME;
            case "[F", "OF", "[4~", "[8~" -> Special.END;
            case "[3~" -> Special.DELETE;
            case "OM" -> Special.ENTER;
            default -> null;
        };
        return Optional.ofNullable(special).map(Keystroke::of);
    }
}
