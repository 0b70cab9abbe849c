package salvo.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import salvo.model.Outcome;
import salvo.store.RunSummary;

/**
 * A window of history for {@code salvo history}: one row per run, a trend line, the units that
 * kept flipping between passing and failing, and each measured quantity's values.
 *
 * @param rows newest first, as the store lists them
 */
public record HistoryView(List<HistoryRow> rows, List<FlipFlop> flipFlops, List<MeasurementTrend> measurements) {
    /** Fewer switches than this is a unit being broken and then fixed, which is normal. */
    public static final int MIN_FLIPS = 2;

    public HistoryView {
        rows = List.copyOf(rows);
        flipFlops = List.copyOf(flipFlops);
        measurements = List.copyOf(measurements);
    }

    public static HistoryView of(List<RunSummary> newestFirst) {
        List<HistoryRow> rows = newestFirst.stream().map(HistoryRow::of).toList();
        List<List<salvo.model.TestMeasurement>> oldestFirst = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            oldestFirst.add(newestFirst.get(i).measurements());
        }
        return new HistoryView(rows, flipFlops(newestFirst), MeasurementTrend.across(oldestFirst));
    }

    /** One character per run, oldest to newest: ✔ passed, ✘ failed, ! interrupted (ASCII: + x !). */
    public String trend(boolean unicode) {
        StringBuilder out = new StringBuilder();
        for (int i = rows.size() - 1; i >= 0; i--) {
            out.append(rows.get(i).mark().symbol(unicode));
        }
        return out.toString();
    }

    private static List<FlipFlop> flipFlops(List<RunSummary> newestFirst) {
        Map<String, List<Outcome>> sequences = new TreeMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            newestFirst.get(i).unitOutcomes().forEach(
                    (unit, outcome) -> sequences.computeIfAbsent(unit, u -> new ArrayList<>()).add(outcome));
        }
        List<FlipFlop> flipFlops = new ArrayList<>();
        sequences.forEach((unit, sequence) -> {
            int flips = flips(sequence);
            if (flips >= MIN_FLIPS) {
                flipFlops.add(new FlipFlop(unit, flips, sequence));
            }
        });
        flipFlops.sort(Comparator.comparingInt(FlipFlop::flips).reversed().thenComparing(FlipFlop::unitId));
        return flipFlops;
    }

    /** Switches between passing and failing; skipped runs of the unit neither break nor make one. */
    private static int flips(List<Outcome> sequence) {
        int flips = 0;
        Boolean lastFailed = null;
        for (Outcome outcome : sequence) {
            if (outcome == Outcome.SKIPPED) {
                continue;
            }
            boolean failed = outcome.isFailure();
            if (lastFailed != null && failed != lastFailed) {
                flips++;
            }
            lastFailed = failed;
        }
        return flips;
    }
}
