package salvo.report;

import java.util.List;
import salvo.model.RunRecord;

/**
 * What changed from one run to another, by file and by test, for {@code salvo compare} and the
 * summary at the end of a run. FLAKY counts as passing (with a warning: see {@link #flaky}).
 *
 * @param slower tests much slower in the newer run, the largest increase first
 * @param flaky  tests (or whole units) that failed and then passed on retry in the newer run
 * @param moved  measurements both runs took whose values differ, as two-run trends
 */
public record Comparison(RunRef older, RunRef newer, Changes units, Changes tests, List<SlowerTest> slower,
                         List<Change> flaky, List<MeasurementTrend> moved) {
    public Comparison {
        slower = List.copyOf(slower);
        flaky = List.copyOf(flaky);
        moved = List.copyOf(moved);
    }

    public static Comparison between(RunRecord older, RunRecord newer) {
        return between(older, newer, Slowdown.DEFAULT);
    }

    public static Comparison between(RunRecord older, RunRecord newer, Slowdown slowdown) {
        return new RunDiff(older, newer, slowdown).comparison();
    }
}
