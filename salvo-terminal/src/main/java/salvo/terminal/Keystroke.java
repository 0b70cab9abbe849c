package salvo.terminal;

/**
 * One key as the terminal sent it: a named key, or a character typed (then {@code codePoint}).
 * What a key means is the view's business (a dashboard, a dialog); this only says which it was.
 */
public record Keystroke(Special special, int codePoint) {
    /** The keys that are not characters; CHAR for a typed character. */
    public enum Special { CHAR, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, ESCAPE, TAB, BACKSPACE,
        DELETE, CTRL_C }

    public static Keystroke of(Special special) {
        if (special == Special.CHAR) {
            throw new IllegalArgumentException("a character key needs its character: use Keystroke.character");
        }
        return new Keystroke(special, 0);
    }

    public static Keystroke character(int codePoint) {
        return new Keystroke(Special.CHAR, codePoint);
    }

    public boolean is(Special s) {
        return special == s;
    }

    /** True for the character {@code c} typed. */
    public boolean is(char c) {
        return special == Special.CHAR && codePoint == c;
    }

    @Override
    public String toString() {
        return special == Special.CHAR ? "'" + Character.toString(codePoint) + "'" : special.name();
    }
}
