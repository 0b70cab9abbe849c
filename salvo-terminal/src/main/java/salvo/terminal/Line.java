package salvo.terminal;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Builds one screen line from styled pieces and guarantees it never covers more than its width,
 * so a long or wide name can cut itself short but never wrap and push the layout down.
 */
public final class Line {
    private final int width;
    private final AttributedStringBuilder out = new AttributedStringBuilder();
    private int used;

    public Line(int width) {
        this.width = Math.max(0, width);
    }

    public int remaining() {
        return width - used;
    }

    /** Appends text, cut at the end if it does not fit. */
    public Line add(String text, AttributedStyle style) {
        String fitted = Cells.fitRight(text, remaining());
        out.styled(style, fitted);
        used += Cells.width(fitted);
        return this;
    }

    public Line space(int cells) {
        return add(" ".repeat(Math.max(0, Math.min(cells, remaining()))), AttributedStyle.DEFAULT);
    }

    /** Appends text so that it ends at the line's right edge (or right after what is there). */
    public Line addRight(String text, AttributedStyle style) {
        space(remaining() - Cells.width(text));
        return add(text, style);
    }

    public AttributedString build() {
        return out.toAttributedString();
    }

    /** The whole line reversed, padded to the full width: the selection bar. */
    public AttributedString buildSelected() {
        space(remaining());
        AttributedString line = out.toAttributedString();
        AttributedStringBuilder inverted = new AttributedStringBuilder();
        for (int i = 0; i < line.length(); i++) {
            inverted.style(line.styleAt(i).inverse()).append(line.charAt(i));
        }
        return inverted.toAttributedString();
    }

    public static AttributedString of(String text, AttributedStyle style, int width) {
        return new Line(width).add(text, style).build();
    }
}
