package salvo.cli.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import salvo.model.Outcome;
import salvo.terminal.Cells;

/**
 * The table printed to the normal screen when the dashboard closes: what failed and why, so the
 * answer stays in the scrollback after the full-screen view is gone. Plain text only, and test
 * ids are never cut, so they can be copied into a command line.
 */
final class FailureSummary {
    private static final int TAG_CELLS = 9;
    private static final int MIN_REASON_CELLS = 20;

    private FailureSummary() {}

    static List<String> lines(DashboardSnapshot s, int width, Instant now) {
        List<String> out = new ArrayList<>();
        if (!s.hasStarted()) {
            return out;
        }
        int w = Math.max(40, width);
        out.add(Cells.fitRight(headline(s, now), w));
        List<FailureEntry> failing = s.failures().stream().filter(FailureEntry::failing).toList();
        if (failing.isEmpty()) {
            out.add(s.failures().isEmpty() ? "No failures." : "No failures (flaky tests passed on retry).");
            return out;
        }
        int idCells = failing.stream().mapToInt(f -> Cells.width(Cells.printable(f.id()))).max().orElse(4);
        int reasonCells = w - TAG_CELLS - idCells - 2;
        if (reasonCells >= MIN_REASON_CELLS) {
            out.add(Cells.pad("OUTCOME", TAG_CELLS) + Cells.pad("TEST", idCells) + "  REASON");
            for (FailureEntry f : failing) {
                out.add((Cells.pad(f.outcome().name(), TAG_CELLS) + Cells.pad(Cells.printable(f.id()), idCells) + "  "
                        + Cells.fitRight(Cells.printable(f.reason()), reasonCells)).stripTrailing());
            }
        } else {
            // Too narrow for a table: the reason goes under its test, so the id stays whole.
            for (FailureEntry f : failing) {
                out.add(Cells.pad(f.outcome().name(), TAG_CELLS) + Cells.printable(f.id()));
                if (!f.reason().isEmpty()) {
                    out.add(" ".repeat(TAG_CELLS) + Cells.fitRight(Cells.printable(f.reason()), w - TAG_CELLS));
                }
            }
        }
        return out;
    }

    private static String headline(DashboardSnapshot s, Instant now) {
        StringBuilder b = new StringBuilder("salvo: run ").append(s.label());
        if (s.isFinished()) {
            b.append(" ").append(s.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        } else {
            b.append(s.stopping() ? " stopped" : " ended early");
        }
        b.append(" after ").append(TimeText.clock(s.elapsed(now))).append(": ");
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (s.count(o) > 0) {
                parts.add(s.count(o) + " " + o.name().toLowerCase(Locale.ROOT));
            }
        }
        b.append(parts.isEmpty() ? "no tests finished" : String.join(", ", parts));
        b.append(" (").append(s.progress().unitsDone()).append("/").append(s.progress().units()).append(" files)");
        return b.toString();
    }
}
