package salvo.cli.tui;

import java.util.Optional;

/**
 * Turns the characters a terminal sends into keys. Arrows and paging keys arrive as escape
 * sequences (CSI {@code ESC [ ... final} or SS3 {@code ESC O x}); a lone ESC is the Esc key, which
 * can only be told apart by a pause: the reader calls {@link #pause()} when none came in time.
 */
final class KeyDecoder {
    private static final int ESC = 0x1b;
    private static final int CTRL_C = 0x03;

    private final StringBuilder pending = new StringBuilder();

    /** True while an escape sequence is incomplete: read the next character with a short timeout. */
    boolean inSequence() {
        return pending.length() > 0;
    }

    Optional<Key> feed(int c) {
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
                return Optional.of(Key.ESCAPE);
            }
            // ESC + key is Alt+key: nothing the dashboard uses.
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
    Optional<Key> pause() {
        boolean loneEsc = pending.length() == 1;
        pending.setLength(0);
        return loneEsc ? Optional.of(Key.ESCAPE) : Optional.empty();
    }

    private static Optional<Key> single(int c) {
        return Optional.ofNullable(switch (c) {
            case 'q', 'Q', CTRL_C -> Key.STOP;
            case 'f', 'F' -> Key.TOGGLE_FAILURES;
            case '\r', '\n' -> Key.ENTER;
            case 'k' -> Key.UP;
            case 'j' -> Key.DOWN;
            case 'g' -> Key.HOME;
            case 'G' -> Key.END;
            default -> null;
        });
    }

    private static Optional<Key> sequence(String seq) {
        return Optional.ofNullable(switch (seq) {
            case "[A", "OA" -> Key.UP;
            case "[B", "OB" -> Key.DOWN;
            case "[5~" -> Key.PAGE_UP;
            case "[6~" -> Key.PAGE_DOWN;
            case "[H", "OH", "[1~", "[7~" -> Key.HOME;
            case "[F", "OF", "[4~", "[8~" -> Key.END;
            case "OM" -> Key.ENTER;
            default -> null;
        });
    }
}
