package salvo.cli.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;
import salvo.terminal.Cells;
import salvo.terminal.Line;

/** One failure in full: a heading of facts, then its traceback and captured output, wrapped to the width. Pure. */
final class FailureDetail {
    private final Palette palette;

    FailureDetail(Palette palette) {
        this.palette = palette;
    }

    /** Id, facts and reason: the lines above the scrolling body. */
    List<AttributedString> heading(FailureEntry f, int index, int count, int w) {
        String reason = f.reason().isEmpty() ? "(no message)" : Cells.printable(f.reason());
        return List.of(
                new Line(w).add(" ", palette.plain()).add(FailureList.tag(f.outcome()), palette.outcome(f.outcome()))
                        .add(Cells.fitTestId(f.node(), w - 1 - FailureList.TAG_CELLS), palette.heading())
                        .build(),
                Line.of(" " + facts(f, index, count), palette.dim(), w),
                Line.of(" " + reason, palette.outcome(f.outcome()), w));
    }

    List<AttributedString> body(FailureEntry f, int w) {
        List<AttributedString> body = new ArrayList<>();
        body.add(rule(" failure detail ", w));
        addWrapped(body, f.detail(), "(no traceback)", w);
        body.add(rule(" output ", w));
        addWrapped(body, f.output(), "(no captured output)", w);
        return body;
    }

    private void addWrapped(List<AttributedString> body, String text, String whenEmpty, int w) {
        if (text.isBlank()) {
            body.add(Line.of(" " + whenEmpty, palette.dim(), w));
            return;
        }
        for (String piece : Cells.wrap(text.stripTrailing(), w - 1)) {
            body.add(Line.of(" " + piece, palette.plain(), w));
        }
    }

    /** A labelled rule. Not U+2500: JLine would send that as the terminal's line-drawing charset. */
    private AttributedString rule(String label, int w) {
        Line line = new Line(w).add("━━", palette.dim()).add(label, palette.heading());
        return line.add("━".repeat(Math.max(0, line.remaining())), palette.dim()).build();
    }

    private static String facts(FailureEntry f, int index, int count) {
        StringBuilder b = new StringBuilder();
        b.append(index + 1).append(" of ").append(count);
        if (!f.worker().isEmpty()) {
            b.append(" · ").append(f.worker());
        }
        b.append(" · attempt ").append(f.attempt());
        if (f.kind() != null) {
            b.append(" · ").append(f.kind().name().toLowerCase(Locale.ROOT));
        }
        b.append(" · ").append(TimeText.span(f.duration()));
        if (f.retrying()) {
            b.append(" · retrying");
        }
        return b.toString();
    }
}
