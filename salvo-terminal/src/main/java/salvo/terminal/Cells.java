package salvo.terminal;

import java.util.ArrayList;
import salvo.model.NodeId;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.WCWidth;

/**
 * Text measured and cut in terminal cells, not chars: a CJK character or an emoji takes two cells,
 * a combining accent none. Every cut marks itself with an ellipsis so the reader knows text is missing.
 */
public final class Cells {
    public static final String ELLIPSIS = "…";

    private Cells() {}

    /** How many cells the text covers on a terminal. */
    public static int width(CharSequence s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * Makes text from tests safe to draw: colour codes removed, tabs expanded, other control
     * characters dropped (they would move the cursor and break the layout).
     */
    public static String printable(String s) {
        String plain = s.indexOf('\u001b') >= 0 ? AttributedString.stripAnsi(s) : s;
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t') {
                out.append("    ");
            } else if (cp == '\n' || (!Character.isISOControl(cp) && WCWidth.wcwidth(cp) >= 0)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Keeps the head of the text within {@code max} cells. */
    public static String fitRight(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        return head(s, max - 1) + ELLIPSIS;
    }

    /** Keeps the tail of the text within {@code max} cells: for paths, where the file name is. */
    public static String fitLeft(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        return ELLIPSIS + tail(s, max - 1);
    }

    /** Keeps both ends, cutting the middle: for parametrized names that differ at the end. */
    public static String fitMiddle(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        if (max <= 2) {
            return fitRight(s, max);
        }
        int headCells = (max - 1) / 2;
        String head = head(s, headCells);
        return head + ELLIPSIS + tail(s, max - 1 - width(head));
    }

    /**
     * Cuts a node's id, such as {@code tests/pkg/test_mod.py::TestCls::test_name[param]}, to fit,
     * by the node's own parts (its unit and its name; ids are never parsed). The unit's path loses
     * its head first, down to about a quarter of the space; then what lies between the unit and the
     * test loses its head; the test's name is cut in its middle only as a last resort. The file
     * name and the test stay readable. Control characters are made printable.
     */
    public static String fitTestId(NodeId node, int max) {
        String id = printable(node.id());
        if (width(id) <= max) {
            return id;
        }
        String unit = printable(node.unit());
        if (node.depth() == 1 || !id.startsWith(unit) || max < 12) {
            return node.depth() == 1 ? fitLeft(id, max) : fitRight(id, max);
        }
        String rest = id.substring(unit.length());
        String inside = rest.replaceFirst("^[^\\p{L}\\p{N}_]+", "");
        String lead = rest.substring(0, rest.length() - inside.length());
        String name = printable(node.name());
        int minPath = Math.min(width(unit), Math.max(6, max / 4));
        int budget = max - width(lead) - minPath;
        String fitted = width(inside) <= budget ? inside
                : width(name) <= budget ? fitLeft(inside, budget)
                : fitMiddle(name, budget);
        return fitLeft(unit, max - width(lead) - width(fitted)) + lead + fitted;
    }

    /** Pads with spaces to exactly {@code cells} cells, cutting the end if needed. */
    public static String pad(String s, int cells) {
        String fitted = fitRight(s, cells);
        return fitted + " ".repeat(Math.max(0, cells - width(fitted)));
    }

    /** Splits text into lines of at most {@code max} cells, breaking long lines anywhere. */
    public static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        for (String line : printable(text).split("\n", -1)) {
            if (line.isEmpty()) {
                lines.add("");
                continue;
            }
            String rest = line;
            while (!rest.isEmpty()) {
                String piece = max <= 0 ? rest : head(rest, max);
                if (piece.isEmpty()) {
                    piece = rest.substring(0, Character.charCount(rest.codePointAt(0)));
                }
                lines.add(piece);
                rest = rest.substring(piece.length());
            }
        }
        return lines;
    }

    /** The longest prefix that fits in {@code cells}, never splitting a character. */
    private static String head(String s, int cells) {
        int w = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > cells) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** The longest suffix that fits in {@code cells}, not starting with a lone combining mark. */
    private static String tail(String s, int cells) {
        int w = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > cells) {
                break;
            }
            w += cw;
            i -= Character.charCount(cp);
        }
        while (i < s.length() && WCWidth.wcwidth(s.codePointAt(i)) == 0) {
            i += Character.charCount(s.codePointAt(i));
        }
        return s.substring(i);
    }
}
