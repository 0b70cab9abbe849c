package salvo.cli.tui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import salvo.cli.progress.Eta;
import salvo.cli.progress.Progress;
import salvo.model.Outcome;
import salvo.terminal.Cells;
import salvo.terminal.Line;

/** The run-wide pieces of the dashboard: header, progress bar, counts, workers, slowest tests, footer. Pure. */
final class RunPanels {
    /** The order counts are listed in: what needs attention first. */
    private static final List<Outcome> COUNT_ORDER = List.of(Outcome.PASSED, Outcome.FAILED, Outcome.ERROR,
            Outcome.TIMEOUT, Outcome.CRASHED, Outcome.FLAKY, Outcome.SKIPPED, Outcome.XFAILED, Outcome.XPASSED);
    /** Partial blocks, so the bar moves smoothly even when a run has few units. */
    private static final String EIGHTHS = " ▏▎▍▌▋▊▉";
    static final int SPAN_CELLS = 6;
    private static final int MIN_BAR_CELLS = 5;

    private final Palette palette;

    RunPanels(Palette palette) {
        this.palette = palette;
    }

    AttributedString header(DashboardSnapshot s, int w, Instant now) {
        String left = s.hasStarted() ? " salvo  run " + s.label() : " salvo  starting…";
        String elapsed = TimeText.clock(s.elapsed(now));
        String right;
        AttributedStyle rightStyle = palette.plain();
        if (s.isFinished()) {
            right = "finished in " + elapsed + "  " + s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ";
        } else if (s.stopping()) {
            right = "elapsed " + elapsed + "  stopping… ";
            rightStyle = palette.bad();
        } else {
            right = "elapsed " + elapsed + "  ETA " + eta(s.eta(now)) + " ";
        }
        if (Cells.width(right) >= w) {
            return Line.of(right, rightStyle, w);
        }
        String fittedLeft = Cells.fitRight(left, w - Cells.width(right) - 1);
        return new Line(w).add(fittedLeft, palette.accent()).addRight(right, rightStyle).build();
    }

    private static String eta(Optional<Eta> eta) {
        return eta.map(Eta::text).orElse("--");
    }

    /** The bar and its percentage follow tests, not files: on test-level scheduling files end late. */
    AttributedString progress(DashboardSnapshot s, int w) {
        Progress p = s.progress();
        String suffix = String.format(" %s %3d%% ", p.text(), p.percent());
        if (w - Cells.width(suffix) - 1 < MIN_BAR_CELLS) {
            suffix = String.format(" %s %3d%% ", p.tests(), p.percent()); // narrow: the files go first
        }
        int barCells = w - Cells.width(suffix) - 1;
        Line line = new Line(w).add(" ", palette.plain());
        if (barCells >= MIN_BAR_CELLS) {
            long eighths = p.share(barCells * 8L);
            int full = (int) (eighths / 8);
            String filled = "█".repeat(full) + (full < barCells && eighths % 8 > 0 ? EIGHTHS.charAt((int) (eighths % 8)) : "");
            AttributedStyle barStyle = s.failingCount() > 0 ? palette.bad() : palette.good();
            line.add(filled, barStyle).add("░".repeat(barCells - Cells.width(filled)), palette.dim());
        }
        return line.add(suffix, palette.plain()).build();
    }

    AttributedString counts(DashboardSnapshot s, int w) {
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

    AttributedString workersTitle(DashboardSnapshot s, int w) {
        long busy = s.workers().stream().filter(x -> x.state() == WorkerActivity.State.RUNNING).count();
        return new Line(w).add(" Workers", palette.heading())
                .add("  " + busy + " of " + s.workers().size() + " busy", palette.dim()).build();
    }

    /** One row per worker; when they do not all fit, the last row counts the rest. */
    List<AttributedString> workers(DashboardSnapshot s, int w, int rows, Instant now) {
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
            case LOST -> line.add(Cells.pad(("lost " + Cells.printable(x.note())).strip(), textCells), palette.bad());
            case RUNNING -> {
                String retry = x.attempt() > 1 ? " (attempt " + x.attempt() + ")" : "";
                String what = Cells.fitTestId(x.current(), Math.max(0, textCells - Cells.width(retry)));
                line.add(what, palette.plain()).add(retry, palette.warn());
                line.space(textCells - Cells.width(what) - Cells.width(retry));
            }
        }
        return line.addRight(span, x.state() == WorkerActivity.State.RUNNING ? palette.plain() : palette.dim()).build();
    }

    AttributedString slowestTitle(int w) {
        return Line.of(" Slowest tests", palette.heading(), w);
    }

    List<AttributedString> slowest(DashboardSnapshot s, int w, int rows) {
        List<AttributedString> out = new ArrayList<>();
        if (s.slowest().isEmpty()) {
            out.add(Line.of("   none yet", palette.dim(), w));
            return out;
        }
        for (SlowTest t : s.slowest().subList(0, Math.min(rows, s.slowest().size()))) {
            Line line = new Line(w).add(" " + leftPad(TimeText.span(t.duration()), SPAN_CELLS) + "  ", palette.plain());
            line.add(Cells.fitTestId(t.node(), line.remaining()), palette.outcome(t.outcome()));
            out.add(line.build());
        }
        return out;
    }

    AttributedString footer(DashboardSnapshot s, ViewMode mode, int w) {
        if (s.stopping() && !s.isFinished()) {
            return Line.of(" stopping: ending the workers and storing the partial run…", palette.bad(), w);
        }
        String keys = mode == ViewMode.FAILURES
                ? " q stop · f overview · ↑↓ PgUp/PgDn select · ⏎ detail · esc back"
                : " q stop · f failures · ↑↓ select · ⏎ detail · esc back";
        return Line.of(keys, palette.dim(), w);
    }

    private static String leftPad(String s, int cells) {
        return " ".repeat(Math.max(0, cells - Cells.width(s))) + s;
    }
}
