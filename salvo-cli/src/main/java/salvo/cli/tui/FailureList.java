package salvo.cli.tui;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import salvo.model.Outcome;
import salvo.terminal.Cells;
import salvo.terminal.Line;

/** The failure list, as a section of the overview or as the whole body: one row per failure. Pure. */
final class FailureList {
    static final int TAG_CELLS = 8;

    private final Palette palette;

    FailureList(Palette palette) {
        this.palette = palette;
    }

    AttributedString title(DashboardSnapshot s, int w, String toggleHint) {
        long failing = s.failingCount();
        long flaky = s.failures().size() - failing;
        String summary = "  " + failing + " failing" + (flaky > 0 ? ", " + flaky + " flaky" : "");
        return new Line(w).add(" Failures", palette.heading()).add(summary, failing > 0 ? palette.bad() : palette.dim())
                .addRight(toggleHint + " · ⏎ detail ", palette.dim()).build();
    }

    /**
     * The rows that fit, scrolled so the selection is visible; with no selection, the latest
     * failures (the list grows at the bottom).
     */
    List<AttributedString> rows(DashboardSnapshot s, ViewState view, int w, int rows) {
        List<FailureEntry> all = s.failures();
        List<AttributedString> out = new ArrayList<>();
        if (rows <= 0) {
            return out;
        }
        if (all.isEmpty()) {
            out.add(Line.of("   none so far", palette.dim(), w));
            return out;
        }
        int selected = Math.min(view.selected(), all.size() - 1);
        int from = ListWindow.start(view.listScroll(), selected, rows, all.size());
        for (int i = from; i < Math.min(all.size(), from + rows); i++) {
            out.add(row(all.get(i), w, i == selected));
        }
        return out;
    }

    private AttributedString row(FailureEntry f, int w, boolean selected) {
        Line line = new Line(w).add(selected ? "›" : " ", palette.plain()).add(tag(f.outcome()), palette.outcome(f.outcome()));
        String id = Cells.printable(f.id());
        String reason = (f.retrying() ? "(retrying) " : "") + Cells.printable(f.reason());
        int rest = line.remaining() - 1;
        // The id gets most of the row; the reason what is left, and none on a narrow screen.
        int idCells = rest < 30 || reason.isEmpty()
                ? Math.min(Cells.width(id), rest)
                : Math.min(Cells.width(id), Math.max(rest * 3 / 5, rest - Cells.width(reason) - 2));
        String fittedId = Cells.fitTestId(f.node(), idCells);
        line.add(fittedId, palette.plain());
        if (rest - idCells >= 4 && !reason.isEmpty()) {
            line.space(idCells - Cells.width(fittedId) + 2).add(reason, palette.dim());
        }
        return selected ? line.buildSelected() : line.build();
    }

    static String tag(Outcome outcome) {
        return Cells.pad(outcome.name(), TAG_CELLS);
    }
}
