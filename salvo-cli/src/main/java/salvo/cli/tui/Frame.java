package salvo.cli.tui;

import java.util.List;
import org.jline.utils.AttributedString;

/**
 * One rendered screen, and the sizes key handling needs to page and clamp.
 *
 * @param listRows        failure rows visible in the current list (0 when no list is shown)
 * @param detailRows      body lines visible in the detail view
 * @param detailMaxScroll the largest useful detail scroll offset
 */
record Frame(List<AttributedString> lines, int listRows, int detailRows, int detailMaxScroll) {
    Frame {
        lines = List.copyOf(lines);
    }

    static final Frame EMPTY = new Frame(List.of(), 0, 0, 0);

    /** The lines as plain text, for tests and logs. */
    List<String> text() {
        return lines.stream().map(AttributedString::toString).toList();
    }
}
