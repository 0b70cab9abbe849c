package salvo.cli.console;

import static salvo.cli.console.Columns.cut;
import static salvo.cli.console.Columns.pad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import salvo.model.Failure;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.Totals;
import salvo.model.UnitResult;

/** The end-of-run summary: totals, the difference from the previous run, and a table of failures. Pure. */
public final class RunSummary {
    private static final int REASON_WIDTH = 100;

    private RunSummary() {}

    public static String render(RunRecord run, Optional<String> versusPrevious, Style style) {
        StringBuilder s = new StringBuilder();
        Totals totals = run.totals();
        s.append('\n').append(style.bold("Salvo run #" + run.id())).append(" · ")
                .append(totals.unitCount()).append(" files · ").append(Durations.format(run.wallTime()))
                .append(statusNote(run.status())).append('\n');
        s.append("tests: ").append(counts(totals, true, style)).append(warnings(totals, style)).append('\n');
        s.append("files: ").append(counts(totals, false, style)).append('\n');
        versusPrevious.filter(v -> !v.isBlank()).ifPresent(v -> s.append('\n').append(v.strip()).append('\n'));
        List<UnitResult> failed = run.units().stream().filter(u -> u.outcome().isFailure()).toList();
        if (!failed.isEmpty()) {
            s.append('\n').append(style.bold("Failures")).append('\n');
            int width = Math.min(60, failed.stream().mapToInt(u -> u.unit().id().length()).max().orElse(4));
            for (UnitResult u : failed) {
                failureLines(u, width, style, s);
            }
        }
        List<UnitResult> flaky = run.units().stream().filter(u -> u.outcome() == Outcome.FLAKY).toList();
        if (!flaky.isEmpty()) {
            s.append('\n').append(style.outcome(Outcome.FLAKY, "Flaky (failed, then passed on retry)")).append('\n');
            for (UnitResult u : flaky) {
                List<TestResult> tests = u.tests().stream().filter(t -> t.outcome() == Outcome.FLAKY).toList();
                if (tests.isEmpty()) {
                    s.append("  ").append(u.unit().id()).append("  ").append(cut(u.reason(), REASON_WIDTH)).append('\n');
                }
                tests.forEach(t -> s.append("  ").append(u.unit().id()).append("  ").append(cut(testReason(t),
                        REASON_WIDTH)).append('\n'));
            }
        }
        return s.toString();
    }

    /**
     * Every failing test of a failed unit gets a line (a unit with many failures is not summed up
     * by its first), and the unit's own failure one more when it says something the tests do not.
     */
    private static void failureLines(UnitResult u, int width, Style style, StringBuilder s) {
        List<TestResult> failing = u.tests().stream().filter(t -> t.isTest() && t.outcome().isFailure()).toList();
        Failure own = u.failure();
        boolean ownSaysMore = own != null && !own.message().isEmpty()
                && failing.stream().noneMatch(t -> t.failure() != null && t.failure().message().equals(own.message()));
        if (ownSaysMore || failing.isEmpty()) {
            String kind = own != null ? "[" + own.kind() + "] " : "";
            line(u.outcome(), u.unit().id(), kind + u.reason(), width, style, s);
        }
        failing.forEach(t -> line(t.outcome(), u.unit().id(), testReason(t), width, style, s));
    }

    private static String testReason(TestResult t) {
        return t.node().title() + (t.failure() == null || t.failure().message().isEmpty() ? "" : ": " + t.failure().message());
    }

    private static void line(Outcome outcome, String unit, String reason, int width, Style style, StringBuilder s) {
        s.append("  ").append(style.outcome(outcome, pad(outcome.name(), 8))).append(' ')
                .append(pad(cut(unit, width), width)).append("  ").append(cut(reason, REASON_WIDTH)).append('\n');
    }

    private static String statusNote(RunStatus status) {
        return switch (status) {
            case COMPLETED -> "";
            case INTERRUPTED -> " · INTERRUPTED (partial results kept)";
            case STOPPED_ON_FAILURE -> " · stopped at the first failure";
            case RUNNING -> " · still running";
            case INCOMPLETE -> " · INCOMPLETE (salvo ended before the run did)";
        };
    }

    static String counts(Totals totals, boolean tests, Style style) {
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            int n = tests ? totals.tests(o) : totals.units(o);
            if (n > 0) {
                parts.add(style.outcome(o, n + " " + o.name().toLowerCase()));
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** The framework's ", 7 warnings": its own summary is not shown for workers, so this is where they are counted. */
    static String warnings(Totals totals, Style style) {
        int n = totals.warnings();
        return n == 0 ? "" : ", " + style.warning(n + (n == 1 ? " warning" : " warnings"));
    }
}
