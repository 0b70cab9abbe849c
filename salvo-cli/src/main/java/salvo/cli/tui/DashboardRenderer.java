package salvo.cli.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import salvo.terminal.Line;

/**
 * Lays the dashboard out for a screen of a given size: a pure function of the state, the view
 * and the time, so every layout can be checked without a terminal.
 */
final class DashboardRenderer {
    private static final int SLOWEST_SHOWN = 10;
    /** Header, progress bar, counts and footer: always on screen when there is room. */
    private static final int FIXED_LINES = 4;

    private final Palette palette;
    private final RunPanels panels;
    private final FailureList failures;
    private final FailureDetail detail;

    DashboardRenderer(Palette palette) {
        this.palette = palette;
        this.panels = new RunPanels(palette);
        this.failures = new FailureList(palette);
        this.detail = new FailureDetail(palette);
    }

    Frame render(DashboardSnapshot s, ViewState view, int width, int height, Instant now) {
        if (width <= 0 || height <= 0) {
            return Frame.EMPTY;
        }
        if (view.mode() == ViewMode.DETAIL && !s.failures().isEmpty()) {
            return detail(s, view, width, height, now);
        }
        return view.mode() == ViewMode.FAILURES
                ? failuresOnly(s, view, width, height, now)
                : overview(s, view, width, height, now);
    }

    private Frame overview(DashboardSnapshot s, ViewState view, int w, int h, Instant now) {
        AttributedString footer = panels.footer(s, view.mode(), w);
        if (h <= FIXED_LINES) {
            return new Frame(top(List.of(panels.header(s, w, now), panels.progress(s, w), panels.counts(s, w), footer), h),
                    0, 0, 0);
        }
        // Each section needs a title and a row; the smallest screens drop slowest tests, then failures.
        int available = h - FIXED_LINES;
        int sections = Math.min(3, available / 2);
        int[] wants = {Math.max(1, s.workers().size()), Math.max(1, s.failures().size()),
                Math.max(1, Math.min(SLOWEST_SHOWN, s.slowest().size()))};
        int[] rows = share(available - sections, wants, sections);
        boolean spaced = available - sections - rows[0] - rows[1] - rows[2] >= sections;

        List<AttributedString> lines = new ArrayList<>();
        lines.add(panels.header(s, w, now));
        lines.add(panels.progress(s, w));
        lines.add(panels.counts(s, w));
        if (rows[0] > 0) {
            section(lines, spaced, panels.workersTitle(s, w));
            lines.addAll(panels.workers(s, w, rows[0], now));
        }
        if (rows[1] > 0) {
            section(lines, spaced, failures.title(s, w, "f: only failures"));
            lines.addAll(failures.rows(s, view, w, rows[1]));
        }
        if (rows[2] > 0) {
            section(lines, spaced, panels.slowestTitle(w));
            lines.addAll(panels.slowest(s, w, rows[2]));
        }
        fillAndFoot(lines, h, footer);
        return new Frame(lines, rows[1], 0, 0);
    }

    private Frame failuresOnly(DashboardSnapshot s, ViewState view, int w, int h, Instant now) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(panels.header(s, w, now));
        lines.add(panels.progress(s, w));
        lines.add(panels.counts(s, w));
        lines.add(failures.title(s, w, "f: overview"));
        int rows = Math.max(0, h - lines.size() - 1);
        lines.addAll(failures.rows(s, view, w, rows));
        fillAndFoot(lines, h, panels.footer(s, view.mode(), w));
        return new Frame(top(lines, h), rows, 0, 0);
    }

    private Frame detail(DashboardSnapshot s, ViewState view, int w, int h, Instant now) {
        int index = Math.max(0, Math.min(view.selected(), s.failures().size() - 1));
        FailureEntry f = s.failures().get(index);
        List<AttributedString> lines = new ArrayList<>();
        lines.add(panels.header(s, w, now));
        lines.addAll(detail.heading(f, index, s.failures().size(), w));

        List<AttributedString> body = detail.body(f, w);
        int rows = Math.max(0, h - lines.size() - 1);
        int maxScroll = Math.max(0, body.size() - rows);
        int from = Math.min(view.detailScroll(), maxScroll);
        int to = Math.min(body.size(), from + rows);
        lines.addAll(body.subList(from, to));
        String where = String.format("  lines %d-%d of %d", from + 1, to, body.size());
        fillAndFoot(lines, h, Line.of(" esc back · ↑↓ PgUp/PgDn scroll · q stop" + where, palette.dim(), w));
        return new Frame(top(lines, h), 0, rows, maxScroll);
    }

    private static void section(List<AttributedString> lines, boolean spaced, AttributedString title) {
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
}
