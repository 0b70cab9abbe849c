package salvo.sequence.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import salvo.terminal.Cells;
import salvo.terminal.Line;

/**
 * Draws a snapshot of the operator view: a header with the run's state, the item tree on the
 * left (the selection reversed, running items bold), on the right the open dialog or the
 * selected item's log, the global dictionary under it, and the keys at the bottom. Pure.
 */
final class OperatorRenderer {
    /** Plain ASCII: box-drawing characters come out in the terminal's alternate charset, unreadable in a capture. */
    private static final AttributedString SEPARATOR = new AttributedString("|", AttributedStyle.DEFAULT.faint());
    /** The banner's tick, padded to column 80: wasted space in a narrow panel. */
    private static final Pattern TICK = Pattern.compile("\\s+@@\\d+@@$");

    private final boolean colour;

    OperatorRenderer(boolean colour) {
        this.colour = colour;
    }

    List<AttributedString> frame(OperatorView.Snapshot s, int width, int height) {
        List<AttributedString> out = new ArrayList<>();
        out.add(new Line(width).add("salvo seq  " + s.title(), AttributedStyle.BOLD)
                .addRight(s.status(), statusStyle(s.status())).build());
        int body = Math.max(0, height - 2);
        int left = Math.max(20, Math.min(width * 2 / 5, 60));
        int right = Math.max(0, width - left - 1);
        List<AttributedString> tree = tree(s, left, body);
        List<AttributedString> panel = panel(s, right, body);
        for (int i = 0; i < body; i++) {
            AttributedString l = i < tree.size() ? tree.get(i) : AttributedString.EMPTY;
            String pad = " ".repeat(Math.max(0, left - Cells.width(l.toString())));
            AttributedString r = i < panel.size() ? panel.get(i) : AttributedString.EMPTY;
            out.add(AttributedString.join(AttributedString.EMPTY, l, new AttributedString(pad), SEPARATOR, r));
        }
        String help = s.dialog() != null ? s.dialog().help() + "  Ctrl-C stop" : OperatorKeys.HELP;
        out.add(Line.of(help, AttributedStyle.DEFAULT.faint(), width));
        return out;
    }

    private List<AttributedString> tree(OperatorView.Snapshot s, int width, int rows) {
        List<OperatorView.Row> all = s.rows();
        int start = Math.max(0, Math.min(s.selected() - rows / 2, all.size() - rows));
        List<AttributedString> out = new ArrayList<>();
        for (int i = start; i < Math.min(all.size(), start + rows); i++) {
            OperatorView.Row row = all.get(i);
            Line line = new Line(width)
                    .add(row.breakpoint() ? "●" : " ", fg(AttributedStyle.RED))
                    .add("  ".repeat(row.depth()), AttributedStyle.DEFAULT)
                    .add(stateWord(row.state()), stateStyle(row.state()))
                    .add(" " + Cells.printable(row.step().title()),
                            row.state() == OperatorView.State.RUNNING ? AttributedStyle.BOLD : AttributedStyle.DEFAULT);
            if (row.waiting()) {
                line.add("  (paused here)", fg(AttributedStyle.YELLOW));
            }
            out.add(i == s.selected() ? line.buildSelected() : line.build());
        }
        return out;
    }

    private List<AttributedString> panel(OperatorView.Snapshot s, int width, int rows) {
        int dictionaryRows = Math.min(s.dictionary().size() + 1, Math.max(3, rows / 3));
        int top = Math.max(0, rows - dictionaryRows - 1);
        List<AttributedString> out = new ArrayList<>();
        if (s.dialog() != null) {
            out.addAll(dialog(s.dialog(), width));
            out.add(Line.of("-".repeat(width), AttributedStyle.DEFAULT.faint(), width));
        }
        out.add(Line.of("Log of \"" + s.logTitle() + "\"", AttributedStyle.BOLD, width));
        List<String> wrapped = new ArrayList<>();
        for (String l : s.log()) {
            wrapped.addAll(Cells.wrap(TICK.matcher(l).replaceFirst(""), width));
        }
        int room = Math.max(0, top - out.size());
        for (String l : wrapped.subList(Math.max(0, wrapped.size() - room), wrapped.size())) {
            out.add(Line.of(l, logStyle(l), width));
        }
        while (out.size() < top) {
            out.add(AttributedString.EMPTY);
        }
        out.add(Line.of("-".repeat(width), AttributedStyle.DEFAULT.faint(), width));
        out.add(Line.of("Dictionary", AttributedStyle.BOLD, width));
        int n = 0;
        for (Map.Entry<String, String> e : s.dictionary().entrySet()) {
            if (++n >= dictionaryRows) {
                break;
            }
            out.add(new Line(width).add(e.getKey(), fg(AttributedStyle.CYAN)).add(" = " + Cells.printable(e.getValue()),
                    AttributedStyle.DEFAULT).build());
        }
        return out;
    }

    private List<AttributedString> dialog(DialogForm.View d, int width) {
        List<AttributedString> out = new ArrayList<>();
        out.add(Line.of(d.heading(), fg(AttributedStyle.YELLOW).bold(), width));
        for (String l : Cells.wrap(d.question(), width)) {
            out.add(Line.of(l, AttributedStyle.BOLD, width));
        }
        for (int i = 0; i < d.body().size(); i++) {
            Line line = new Line(width).add(Cells.printable(d.body().get(i)), AttributedStyle.DEFAULT);
            out.add(i == d.cursor() ? line.buildSelected() : line.build());
        }
        if (d.error() != null) {
            out.add(Line.of(d.error(), fg(AttributedStyle.RED).bold(), width));
        }
        return out;
    }

    private static String stateWord(OperatorView.State state) {
        return switch (state) {
            case PENDING -> "    ";
            case RUNNING -> "RUN ";
            default -> state.name();
        };
    }

    private AttributedStyle stateStyle(OperatorView.State state) {
        return switch (state) {
            case PASS -> fg(AttributedStyle.GREEN);
            case FAIL -> fg(AttributedStyle.RED).bold();
            case SKIP -> AttributedStyle.DEFAULT.faint();
            case RUNNING -> fg(AttributedStyle.CYAN).bold();
            case PENDING -> AttributedStyle.DEFAULT;
        };
    }

    private AttributedStyle statusStyle(String status) {
        if (status.contains("FAIL") || status.startsWith("STOP")) {
            return fg(AttributedStyle.RED).bold();
        }
        if (status.startsWith("PAUSED") || status.startsWith("waiting")) {
            return fg(AttributedStyle.YELLOW).bold();
        }
        return status.contains("PASS") ? fg(AttributedStyle.GREEN).bold() : fg(AttributedStyle.CYAN);
    }

    private AttributedStyle logStyle(String line) {
        if (line.contains("FAIL")) {
            return fg(AttributedStyle.RED);
        }
        if (line.contains("WARN")) {
            return fg(AttributedStyle.YELLOW);
        }
        return line.contains("PASS") ? fg(AttributedStyle.GREEN) : AttributedStyle.DEFAULT;
    }

    /** Without colour only bold, faint and inverse remain, so the structure stays visible. */
    private AttributedStyle fg(int colour) {
        return this.colour ? AttributedStyle.DEFAULT.foreground(colour) : AttributedStyle.DEFAULT;
    }
}
