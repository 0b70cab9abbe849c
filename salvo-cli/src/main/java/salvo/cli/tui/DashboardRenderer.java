package salvo.cli.tui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import salvo.model.Outcome;

/**
 * Lays the dashboard out for a screen of a given size: a pure function of the state, the view
 * and the time, so every layout can be checked without a terminal.
 */
final class DashboardRenderer {
    /** The order counts are listed in: what needs attention first. */
    private static final List<Outcome> COUNT_ORDER = List.of(Outcome.PASSED, Outcome.FAILED, Outcome.ERROR,
            Outcome.TIMEOUT, Outcome.CRASHED, Outcome.FLAKY, Outcome.SKIPPED, Outcome.XFAILED, Outcome.XPASSED);
    private static final String EIGHTHS = " ▏▎▍▌▋▊▉";
    private static final int TAG_CELLS = 8;
    private static final int SPAN_CELLS = 6;
    private static final int SLOWEST_SHOWN = 10;
    /** Header, progress bar, counts and footer: always on screen when there is room. */
    private static final int FIXED_LINES = 4;

    private final Palette palette;

    DashboardRenderer(Palette palette) {
        this.palette = palette;
    }

    Frame render(DashboardSnapshot s, ViewState view, int width, int height, Instant now) {
        if (width <= 0 || height <= 0) {
            return Frame.EMPTY;
        }
        if (view.mode() == ViewMode.DETAIL && !s.failures().isEmpty()) {
            return detail(s, view, width, height, now);
        }
        return view.mode() == ViewMode.FAILURES ? failuresOnly(s, view, width, height, now) : overview(s, view, width, height, now);
    }

    // ---- views

    private Frame overview(DashboardSnapshot s, ViewState view, int w, int h, Instant now) {
        if (h <= FIXED_LINES) {
            return new Frame(top(List.of(header(s, w, now), progress(s, w), counts(s, w), footer(s, view, w)), h), 0, 0, 0);
        }
        int available = h - FIXED_LINES;
        int sections = Math.min(3, available / 2);
        int[] wants = {Math.max(1, s.workers().size()), Math.max(1, s.failures().size()),
                Math.max(1, Math.min(SLOWEST_SHOWN, s.slowest().size()))};
        int[] rows = share(available - sections, wants, sections);
        int spare = available - sections - rows[0] - rows[1] - rows[2];
        boolean spaced = spare >= sections;

        List<AttributedString> lines = new ArrayList<>();
        lines.add(header(s, w, now));
        lines.add(progress(s, w));
        lines.add(counts(s, w));
        if (rows[0] > 0) {
            section(lines, spaced, workersTitle(s, w));
            lines.addAll(workers(s, w, rows[0], now));
        }
        if (rows[1] > 0) {
            section(lines, spaced, failuresTitle(s, w, "f: only failures"));
            lines.addAll(failureRows(s, view, w, rows[1]));
        }
        if (rows[2] > 0) {
            section(lines, spaced, Line.of(" Slowest tests", palette.heading(), w));
            lines.addAll(slowest(s, w, rows[2]));
        }
        fillAndFoot(lines, h, footer(s, view, w));
        return new Frame(lines, rows[1], 0, 0);
    }

    private Frame failuresOnly(DashboardSnapshot s, ViewState view, int w, int h, Instant now) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(header(s, w, now));
        lines.add(progress(s, w));
        lines.add(counts(s, w));
        lines.add(failuresTitle(s, w, "f: overview"));
        int rows = Math.max(0, h - lines.size() - 1);
        lines.addAll(failureRows(s, view, w, rows));
        fillAndFoot(lines, h, footer(s, view, w));
        return new Frame(top(lines, h), rows, 0, 0);
    }

    private Frame detail(DashboardSnapshot s, ViewState view, int w, int h, Instant now) {
        int index = Math.max(0, Math.min(view.selected(), s.failures().size() - 1));
        FailureEntry f = s.failures().get(index);
        List<AttributedString> lines = new ArrayList<>();
        lines.add(header(s, w, now));
        lines.add(new Line(w).add(" ", palette.plain()).add(tag(f), palette.outcome(f.outcome()))
                .add(Cells.fitTestId(Cells.printable(f.id()), w - 1 - TAG_CELLS), palette.heading()).build());
        lines.add(Line.of(" " + facts(f, index, s.failures().size()), palette.dim(), w));
        String reason = f.reason().isEmpty() ? "(no message)" : Cells.printable(f.reason());
        lines.add(Line.of(" " + reason, palette.outcome(f.outcome()), w));

        List<AttributedString> body = detailBody(f, w);
        int rows = Math.max(0, h - lines.size() - 1);
        int maxScroll = Math.max(0, body.size() - rows);
        int from = Math.min(view.detailScroll(), maxScroll);
        lines.addAll(body.subList(from, Math.min(body.size(), from + rows)));
        String where = body.isEmpty() ? "" : String.format("  lines %d-%d of %d", from + 1,
                Math.min(body.size(), from + rows), body.size());
        fillAndFoot(lines, h, Line.of(" esc back · ↑↓ PgUp/PgDn scroll · q stop" + where, palette.dim(), w));
        return new Frame(top(lines, h), 0, rows, maxScroll);
    }

    // ---- pieces

    private AttributedString header(DashboardSnapshot s, int w, Instant now) {
        String left = s.hasStarted() ? " salvo  run " + s.label() : " salvo  starting…";
        String right;
        AttributedStyle rightStyle = palette.plain();
        if (s.isFinished()) {
            right = "finished in " + TimeText.clock(s.elapsed(now)) + "  " + s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ";
        } else if (s.stopping()) {
            right = "elapsed " + TimeText.clock(s.elapsed(now)) + "  stopping… ";
            rightStyle = palette.bad();
        } else {
            right = "elapsed " + TimeText.clock(s.elapsed(now)) + "  ETA " + eta(s.eta(now)) + " ";
        }
        if (Cells.width(right) >= w) {
            return Line.of(right, rightStyle, w);
        }
        String fittedLeft = Cells.fitRight(left, w - Cells.width(right) - 1);
        return new Line(w).add(fittedLeft, palette.accent()).addRight(right, rightStyle).build();
    }

    private static String eta(Optional<Eta> eta) {
        // A tilde marks a guess from this run's pace rather than from history.
        return eta.map(e -> (e.source() == Eta.Source.PROGRESS ? "~" : "") + TimeText.clock(e.remaining())).orElse("--");
    }

    private AttributedString progress(DashboardSnapshot s, int w) {
        int total = s.totalUnits();
        int done = Math.min(s.doneUnits(), total);
        int percent = total == 0 ? 0 : done * 100 / total;
        String suffix = String.format(" %d/%d units %3d%% ", done, total, percent);
        int barCells = w - Cells.width(suffix) - 1;
        Line line = new Line(w).add(" ", palette.plain());
        if (barCells >= 5) {
            long eighths = total == 0 ? 0 : (long) barCells * 8 * done / total;
            int full = (int) (eighths / 8);
            String filled = "█".repeat(full) + (full < barCells && eighths % 8 > 0 ? EIGHTHS.charAt((int) (eighths % 8)) : "");
            AttributedStyle barStyle = s.failingCount() > 0 ? palette.bad() : palette.good();
            line.add(filled, barStyle).add("░".repeat(barCells - Cells.width(filled)), palette.dim());
        }
        return line.add(suffix, palette.plain()).build();
    }

    private AttributedString counts(DashboardSnapshot s, int w) {
        Line line = new Line(w).add(" ", palette.plain());
        boolean any = false;
        for (Outcome o : COUNT_ORDER) {
            int n = s.count(o);
            if (n > 0) {
                line.add((any ? "  " : "") + n + " " + o.name().toLowerCase(Locale.ROOT), palette.outcome(o));
                any = true;
            }
        }
        if (!any) {
            line.add("no tests finished yet", palette.dim());
        }
        return line.build();
    }

    private AttributedString workersTitle(DashboardSnapshot s, int w) {
        long busy = s.workers().stream().filter(x -> x.state() == WorkerActivity.State.RUNNING).count();
        return new Line(w).add(" Workers", palette.heading())
                .add("  " + busy + " of " + s.workers().size() + " busy", palette.dim()).build();
    }

    private List<AttributedString> workers(DashboardSnapshot s, int w, int rows, Instant now) {
        List<WorkerActivity> all = s.workers();
        List<AttributedString> out = new ArrayList<>();
        if (all.isEmpty()) {
            out.add(Line.of("   no workers yet", palette.dim(), w));
            return out;
        }
        int nameCells = all.stream().mapToInt(x -> Cells.width(x.name())).max().orElse(3);
        boolean cut = all.size() > rows;
        int shown = cut ? rows - 1 : all.size();
        for (int i = 0; i < shown; i++) {
            out.add(workerRow(all.get(i), nameCells, w, now));
        }
        if (cut) {
            List<WorkerActivity> rest = all.subList(shown, all.size());
            long busy = rest.stream().filter(x -> x.state() == WorkerActivity.State.RUNNING).count();
            out.add(Line.of("   … " + rest.size() + " more workers, " + busy + " busy", palette.dim(), w));
        }
        return out;
    }

    private AttributedString workerRow(WorkerActivity x, int nameCells, int w, Instant now) {
        Line line = new Line(w).add(" " + Cells.pad(x.name(), nameCells) + "  ", palette.plain());
        String span = TimeText.span(Duration.between(x.currentSince(), now));
        int textCells = line.remaining() - SPAN_CELLS - 2;
        switch (x.state()) {
            case IDLE -> line.add(Cells.pad("idle", textCells), palette.dim());
            case LOST -> line.add(Cells.pad(Cells.fitRight(("lost " + x.note()).strip(), textCells), textCells), palette.bad());
            case RUNNING -> {
                String retry = x.attempt() > 1 ? " (attempt " + x.attempt() + ")" : "";
                String what = Cells.fitTestId(Cells.printable(x.current()), Math.max(0, textCells - Cells.width(retry)));
                line.add(what, palette.plain()).add(retry, palette.warn());
                line.space(textCells - Cells.width(what) - Cells.width(retry));
            }
        }
        return line.addRight(span, x.state() == WorkerActivity.State.RUNNING ? palette.plain() : palette.dim()).build();
    }

    private AttributedString failuresTitle(DashboardSnapshot s, int w, String hint) {
        long failing = s.failingCount();
        long flaky = s.failures().size() - failing;
        String summary = "  " + failing + " failing" + (flaky > 0 ? ", " + flaky + " flaky" : "");
        return new Line(w).add(" Failures", palette.heading()).add(summary, failing > 0 ? palette.bad() : palette.dim())
                .addRight(hint + " · ⏎ detail ", palette.dim()).build();
    }

    private List<AttributedString> failureRows(DashboardSnapshot s, ViewState view, int w, int rows) {
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
            out.add(failureRow(all.get(i), w, i == selected));
        }
        return out;
    }

    private AttributedString failureRow(FailureEntry f, int w, boolean selected) {
        Line line = new Line(w).add(selected ? "›" : " ", palette.plain()).add(tag(f), palette.outcome(f.outcome()));
        String id = Cells.printable(f.id());
        String reason = (f.retrying() ? "(retrying) " : "") + Cells.printable(f.reason());
        int rest = line.remaining() - 1;
        int idCells = rest < 30 || reason.isEmpty()
                ? Math.min(Cells.width(id), rest)
                : Math.min(Cells.width(id), Math.max(rest * 3 / 5, rest - Cells.width(reason) - 2));
        String fittedId = Cells.fitTestId(id, idCells);
        line.add(fittedId, palette.plain());
        if (rest - idCells >= 4 && !reason.isEmpty()) {
            line.space(idCells - Cells.width(fittedId) + 2).add(reason, palette.dim());
        }
        return selected ? line.buildSelected() : line.build();
    }

    private List<AttributedString> slowest(DashboardSnapshot s, int w, int rows) {
        List<AttributedString> out = new ArrayList<>();
        if (s.slowest().isEmpty()) {
            out.add(Line.of("   none yet", palette.dim(), w));
            return out;
        }
        for (SlowTest t : s.slowest().subList(0, Math.min(rows, s.slowest().size()))) {
            Line line = new Line(w).add(" " + leftPad(TimeText.span(t.duration()), SPAN_CELLS) + "  ", palette.plain());
            line.add(Cells.fitTestId(Cells.printable(t.testId()), line.remaining()), palette.outcome(t.outcome()));
            out.add(line.build());
        }
        return out;
    }

    private AttributedString footer(DashboardSnapshot s, ViewState view, int w) {
        if (s.stopping() && !s.isFinished()) {
            return Line.of(" stopping: ending the workers and storing the partial run…", palette.bad(), w);
        }
        String keys = view.mode() == ViewMode.FAILURES
                ? " q stop · f overview · ↑↓ PgUp/PgDn select · ⏎ detail · esc back"
                : " q stop · f failures · ↑↓ select · ⏎ detail · esc back";
        return Line.of(keys, palette.dim(), w);
    }

    private List<AttributedString> detailBody(FailureEntry f, int w) {
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
        return new Line(w).add("━━", palette.dim()).add(label, palette.heading())
                .add("━".repeat(Math.max(0, w)), palette.dim()).build();
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

    private static String tag(FailureEntry f) {
        return Cells.pad(f.outcome().name(), TAG_CELLS);
    }

    // ---- layout helpers

    private void section(List<AttributedString> lines, boolean spaced, AttributedString title) {
        if (spaced) {
            lines.add(AttributedString.EMPTY);
        }
        lines.add(title);
    }

    /** Pads with blank lines so the footer sits on the last row. */
    private static void fillAndFoot(List<AttributedString> lines, int h, AttributedString footer) {
        while (lines.size() < h - 1) {
            lines.add(AttributedString.EMPTY);
        }
        if (lines.size() < h) {
            lines.add(footer);
        }
    }

    private static List<AttributedString> top(List<AttributedString> lines, int h) {
        return lines.size() <= h ? lines : lines.subList(0, h);
    }

    /**
     * Shares rows among the first {@code sections} sections: one each first, then one at a time
     * in turn to those that want more, so a long failure list cannot push the workers off screen.
     */
    static int[] share(int rows, int[] wants, int sections) {
        int[] got = new int[wants.length];
        int left = rows;
        for (int i = 0; i < sections && left > 0; i++) {
            got[i] = 1;
            left--;
        }
        boolean gave = true;
        while (left > 0 && gave) {
            gave = false;
            for (int i = 0; i < sections && left > 0; i++) {
                if (got[i] < wants[i]) {
                    got[i]++;
                    left--;
                    gave = true;
                }
            }
        }
        return got;
    }

    private static String leftPad(String s, int cells) {
        return " ".repeat(Math.max(0, cells - Cells.width(s))) + s;
    }
}
