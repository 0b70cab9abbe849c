package salvo.cli;

import salvo.model.RunRecord;
import salvo.report.Comparison;
import salvo.report.ComparisonText;

/** The closing lines of a run that say what changed since the previous one. */
final class Versus {
    private Versus() {}

    static String previous(RunRecord previous, RunRecord current) {
        return ComparisonText.summary(Comparison.between(previous, current));
    }
}
