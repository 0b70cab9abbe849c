package salvo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link HistoryView} as a console table, its trend line, and the flip-flopping units. */
public final class HistoryText {
    private static final String[] HEADER = {"run", "started", "wall", "status", "passed", "failed", "skipped", "pass rate"};
    // Numbers read best right-aligned.
    private static final boolean[] RIGHT = {true, false, true, false, true, true, true, true};

    private HistoryText() {}

    /** @param unicode false for terminals and logs that cannot show ✔ and ✘ */
    public static String render(HistoryView view, boolean unicode) {
        if (view.rows().isEmpty()) {
            return "No runs yet.\n";
        }
        List<String[]> table = new ArrayList<>();
        table.add(HEADER);
        for (HistoryRow row : view.rows()) {
            table.add(new String[] {
                    "#" + row.id(),
                    row.label() != null ? row.label() : TimeText.utc(row.started()),
                    TimeText.duration(row.wallTime()),
                    row.mark().symbol(unicode) + " " + row.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    String.valueOf(row.passed()),
                    String.valueOf(row.failed()) + (row.failed() == 0 && row.failedUnits() > 0
                            ? " (" + row.failedUnits() + " file" + (row.failedUnits() == 1 ? "" : "s") + ")" : ""),
                    String.valueOf(row.skipped()),
                    row.passRate().isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * row.passRate().getAsDouble()) : "-"});
        }
        StringBuilder out = new StringBuilder();
        appendTable(out, table);
        out.append('\n').append("trend, oldest ").append(unicode ? "→" : "->").append(" newest: ")
                .append(view.trend(unicode)).append('\n');
        if (!view.flipFlops().isEmpty()) {
            out.append('\n').append("flip-flops (passed and failed in turn):\n");
            int width = view.flipFlops().stream().mapToInt(f -> f.unitId().length()).max().orElse(0);
            for (FlipFlop f : view.flipFlops()) {
                out.append("  ").append(pad(f.unitId(), width, false)).append("  ").append(f.flips()).append(" flips  ")
                        .append(f.sequence(unicode)).append('\n');
            }
        }
        if (!view.measurements().isEmpty()) {
            out.append('\n').append("measurements, oldest ").append(unicode ? "→" : "->").append(" newest:\n");
            view.measurements().forEach(t -> out.append("  ").append(MeasurementText.line(t)).append('\n'));
        }
        return out.toString();
    }

    private static void appendTable(StringBuilder out, List<String[]> table) {
        int[] widths = new int[HEADER.length];
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        for (String[] row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(pad(row[i], widths[i], RIGHT[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.codePointCount(0, s.length())));
        return right ? spaces + s : s + spaces;
    }
}
