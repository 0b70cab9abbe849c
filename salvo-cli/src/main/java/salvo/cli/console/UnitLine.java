package salvo.cli.console;

import static salvo.cli.console.Columns.pad;

import java.util.ArrayList;
import java.util.List;
import salvo.model.Outcome;
import salvo.model.UnitResult;

/** The one line printed when a file finishes: outcome, file, counts or reason, time, worker. Pure. */
public final class UnitLine {
    private UnitLine() {}

    public static String render(UnitResult r, boolean willRetry, Style style) {
        String label = willRetry ? "RETRY" : r.outcome().name();
        String status = willRetry ? style.outcome(Outcome.FLAKY, pad(label, 8)) : style.outcome(r.outcome(), pad(label, 8));
        String what = r.failure() != null && (r.outcome().isFailure() || r.tests().isEmpty())
                ? "[" + r.failure().kind() + "] " + r.failure().message()
                : counts(r);
        String attempt = r.attempts() > 1 ? " (attempt " + r.attempts() + ")" : "";
        return status + " " + r.unit().id() + "  " + what + attempt + "  "
                + style.dim(Durations.format(r.duration()) + (r.worker().label().isEmpty() ? "" : " [" + r.worker().label() + "]"));
    }

    /** "3 passed, 1 failed, 2 skipped", or "no tests" for a file with none selected. */
    public static String counts(UnitResult r) {
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            long n = r.count(o);
            if (n > 0) {
                parts.add(n + " " + o.name().toLowerCase());
            }
        }
        return parts.isEmpty() ? "no tests" : String.join(", ", parts);
    }
}
