package salvo.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import salvo.model.Failure;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.Totals;
import salvo.model.UnitResult;

/** A run as a Markdown page: for a CI job summary, a pull request comment, or a file to keep. */
public final class MarkdownReport {
    static final int SLOWEST = 10;

    private MarkdownReport() {}

    /** @param vsPrevious the comparison with the run before, when there is one */
    public static String render(RunRecord run, Optional<Comparison> vsPrevious) {
        StringBuilder out = new StringBuilder();
        header(out, run);
        vsPrevious.ifPresent(c -> comparison(out, c));
        totals(out, run.totals());
        List<Failed> failures = failures(run);
        failures(out, failures);
        files(out, run);
        slowest(out, run);
        flaky(out, run);
        details(out, failures);
        return out.toString();
    }

    /** A failing test, or a failing unit that no failing test explains. */
    private record Failed(UnitResult unit, TestResult test) {
        Failure failure() {
            return test != null ? test.failure() : unit.failure();
        }

        Outcome outcome() {
            return test != null ? test.outcome() : unit.outcome();
        }

        String name() {
            return test != null ? test.testId() : unit.unit().id();
        }

        String message() {
            if (test == null) {
                return unit.reason();
            }
            return test.failure() == null ? "" : test.failure().message();
        }
    }

    private static void header(StringBuilder out, RunRecord run) {
        String label = run.info().label();
        out.append("# Salvo run ").append(run.id() != 0 ? "#" + run.id() : "")
                .append(run.id() != 0 && label != null ? " · " : "").append(label != null ? Markdown.text(label) : "")
                .append("\n\n");
        out.append("- Date: ").append(TimeText.utc(run.info().started())).append('\n');
        out.append("- Host: ").append(Markdown.text(orDash(run.info().host()))).append('\n');
        out.append("- Git commit: ").append(run.info().gitCommit().isEmpty() ? "-" : Markdown.code(run.info().gitCommit()))
                .append('\n');
        out.append("- Wall time: ").append(TimeText.duration(run.wallTime())).append('\n');
        out.append("- Status: ").append(status(run)).append('\n');
        out.append('\n');
    }

    private static String status(RunRecord run) {
        if (run.status() == RunStatus.INTERRUPTED) {
            return "! interrupted";
        }
        String failed = run.totals().failedUnits() + " of " + run.totals().unitCount() + " files failed";
        if (run.status() == RunStatus.STOPPED_ON_FAILURE) {
            return "✘ stopped on the first failure (" + failed + ")";
        }
        return run.passed() ? "✔ passed" : "✘ failed (" + failed + ")";
    }

    private static void comparison(StringBuilder out, Comparison c) {
        out.append("## Compared with run ").append(Markdown.text(c.older().name())).append("\n\n");
        out.append(Markdown.text(ComparisonText.counts(c))).append("\n\n");
        for (Change change : c.tests().newFailures()) {
            out.append("- new failure: ").append(Markdown.code(change.name()))
                    .append(change.message().isEmpty() ? "" : " — " + Markdown.text(change.message())).append('\n');
        }
        for (Change change : c.tests().fixed()) {
            out.append("- fixed: ").append(Markdown.code(change.name())).append('\n');
        }
        if (!c.tests().newFailures().isEmpty() || !c.tests().fixed().isEmpty()) {
            out.append('\n');
        }
    }

    private static void totals(StringBuilder out, Totals totals) {
        out.append("## Totals\n\n");
        out.append(Markdown.row("Outcome", "Tests", "Files")).append(Markdown.separator(false, true, true));
        for (Outcome outcome : Outcome.values()) {
            if (totals.tests(outcome) > 0 || totals.units(outcome) > 0) {
                out.append(Markdown.row(outcome.name(), String.valueOf(totals.tests(outcome)),
                        String.valueOf(totals.units(outcome))));
            }
        }
        out.append(Markdown.row("**Total**", "**" + totals.testCount() + "**", "**" + totals.unitCount() + "**"));
        out.append('\n');
    }

    private static List<Failed> failures(RunRecord run) {
        List<Failed> failures = new ArrayList<>();
        for (UnitResult unit : run.units()) {
            boolean explained = false;
            for (TestResult test : unit.tests()) {
                if (test.outcome().isFailure()) {
                    failures.add(new Failed(unit, test));
                    explained = true;
                }
            }
            if (unit.outcome().isFailure() && !explained) {
                failures.add(new Failed(unit, null));
            }
        }
        return failures;
    }

    private static void failures(StringBuilder out, List<Failed> failures) {
        out.append("## Failures\n\n");
        if (failures.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        out.append(Markdown.row("File", "Test", "Outcome", "Kind", "Message"))
                .append(Markdown.separator(false, false, false, false, false));
        for (Failed f : failures) {
            out.append(Markdown.row(Markdown.code(f.unit().unit().id()),
                    f.test() == null ? "(whole file)" : Markdown.code(shortName(f.test())),
                    f.outcome().name(), f.failure() == null ? "" : f.failure().kind().name(), Markdown.text(f.message())));
        }
        out.append('\n');
    }

    private static void files(StringBuilder out, RunRecord run) {
        out.append("## Files\n\n");
        out.append(Markdown.row("File", "Outcome", "Tests", "Duration")).append(Markdown.separator(false, false, true, true));
        run.units().stream().sorted(Comparator.comparing(UnitResult::duration).reversed())
                .forEach(u -> out.append(Markdown.row(Markdown.code(u.unit().id()), u.outcome().name(),
                        String.valueOf(u.tests().size()), TimeText.duration(u.duration()))));
        out.append('\n');
    }

    private static void slowest(StringBuilder out, RunRecord run) {
        List<TestResult> tests = run.units().stream().flatMap(u -> u.tests().stream())
                .sorted(Comparator.comparing(TestResult::duration).reversed()).limit(SLOWEST).toList();
        if (tests.isEmpty()) {
            return;
        }
        out.append("## Slowest tests\n\n");
        out.append(Markdown.row("Test", "Outcome", "Duration")).append(Markdown.separator(false, false, true));
        for (TestResult t : tests) {
            out.append(Markdown.row(Markdown.code(t.testId()), t.outcome().name(), TimeText.duration(t.duration())));
        }
        out.append('\n');
    }

    private static void flaky(StringBuilder out, RunRecord run) {
        List<TestResult> flaky = run.units().stream().flatMap(u -> u.tests().stream())
                .filter(t -> t.outcome() == Outcome.FLAKY).toList();
        List<UnitResult> flakyUnits = run.units().stream().filter(u -> u.outcome() == Outcome.FLAKY)
                .filter(u -> u.tests().stream().noneMatch(t -> t.outcome() == Outcome.FLAKY)).toList();
        if (flaky.isEmpty() && flakyUnits.isEmpty()) {
            return;
        }
        out.append("## Flaky: failed, then passed on retry\n\n");
        out.append(Markdown.row("Test", "Attempts", "First failure")).append(Markdown.separator(false, true, false));
        for (TestResult t : flaky) {
            out.append(Markdown.row(Markdown.code(t.testId()), String.valueOf(t.attempt()),
                    t.failure() == null ? "" : Markdown.text(t.failure().message())));
        }
        for (UnitResult u : flakyUnits) {
            out.append(Markdown.row(Markdown.code(u.unit().id()) + " (whole file)", String.valueOf(u.attempts()),
                    Markdown.text(u.reason())));
        }
        out.append('\n');
    }

    private static void details(StringBuilder out, List<Failed> failures) {
        if (failures.isEmpty()) {
            return;
        }
        out.append("## Failure details\n");
        for (Failed f : failures) {
            out.append("\n### ").append(Markdown.code(f.name())).append("\n\n");
            Failure failure = f.failure();
            out.append(f.outcome().name().toLowerCase(Locale.ROOT));
            if (failure != null) {
                out.append(" · ").append(failure.kind().name().toLowerCase(Locale.ROOT));
            }
            out.append(f.message().isEmpty() ? "" : ": " + Markdown.text(f.message())).append("\n\n");
            String detail = failure == null || failure.detail().isEmpty() ? f.message() : failure.detail();
            if (!detail.isEmpty()) {
                out.append(Markdown.fenced(detail));
            }
        }
    }

    /** A test id without its file, which the table shows in its own column. */
    private static String shortName(TestResult test) {
        return test.node().title();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
