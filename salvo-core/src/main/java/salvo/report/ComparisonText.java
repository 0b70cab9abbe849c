package salvo.report;

import java.util.List;
import java.util.Locale;

/** A {@link Comparison} as console text: in full for {@code salvo compare}, or as a run's closing summary. */
public final class ComparisonText {
    private ComparisonText() {}

    /**
     * One line, then the new failures, one per line:
     * {@code vs run #12: 2 new failures, 1 fixed, 3 still failing, 1 file added, 0 gone}.
     * Failures are counted by test; a file that failed with no failing test counts as one.
     */
    public static String summary(Comparison c) {
        StringBuilder out = new StringBuilder("vs run ").append(c.older().name()).append(": ").append(counts(c))
                .append('\n');
        for (Change change : c.tests().newFailures()) {
            out.append("  ").append(line(change)).append('\n');
        }
        return out.toString();
    }

    /** "2 new failures, 1 fixed, 3 still failing, 1 file added, 0 gone" */
    public static String counts(Comparison c) {
        Changes tests = c.tests();
        return count(tests.newFailures().size(), "new failure", "new failures") + ", "
                + tests.fixed().size() + " fixed, "
                + tests.stillFailing().size() + " still failing, "
                + count(c.units().added().size(), "file added", "files added") + ", "
                + c.units().removed().size() + " gone";
    }

    /** Every category at both levels, then slower and flaky tests; empty categories are left out. */
    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("run ").append(describe(c.older())).append(" -> run ").append(describe(c.newer())).append("\n\n");
        section(out, "Files", c.units(), "files");
        section(out, "Tests", c.tests(), "tests");
        if (!c.slower().isEmpty()) {
            out.append("Much slower tests (").append(c.slower().size()).append(")\n");
            for (SlowerTest s : c.slower()) {
                out.append("  ").append(s.testId()).append("  ").append(TimeText.duration(s.before())).append(" -> ")
                        .append(TimeText.duration(s.after()))
                        .append(Double.isInfinite(s.factor()) ? "" : String.format(Locale.ROOT, " (x%.1f)", s.factor()))
                        .append('\n');
            }
            out.append('\n');
        }
        if (!c.flaky().isEmpty()) {
            out.append("Flaky in run ").append(c.newer().name()).append(": failed, then passed on retry (")
                    .append(c.flaky().size()).append(")\n");
            appendLines(out, c.flaky());
            out.append('\n');
        }
        if (!c.moved().isEmpty()) {
            out.append("Measurements that changed (").append(c.moved().size()).append(")\n");
            c.moved().forEach(t -> out.append("  ").append(MeasurementText.line(t)).append('\n'));
            out.append('\n');
        }
        out.append("vs run ").append(c.older().name()).append(": ").append(counts(c)).append('\n');
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Changes changes, String noun) {
        out.append(title).append(": ")
                .append(count(changes.newFailures().size(), "new failure", "new failures")).append(", ")
                .append(changes.fixed().size()).append(" fixed, ")
                .append(changes.stillFailing().size()).append(" still failing, ")
                .append(changes.added().size()).append(" added, ")
                .append(changes.removed().size()).append(" removed\n");
        category(out, "new failures", changes.newFailures());
        category(out, "fixed", changes.fixed());
        category(out, "still failing", changes.stillFailing());
        category(out, "added " + noun, changes.added());
        category(out, "removed " + noun, changes.removed());
        out.append('\n');
    }

    private static void category(StringBuilder out, String name, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.append("  ").append(name).append(":\n");
        for (Change change : changes) {
            out.append("    ").append(line(change)).append('\n');
        }
    }

    private static void appendLines(StringBuilder out, List<Change> changes) {
        for (Change change : changes) {
            out.append("  ").append(line(change)).append('\n');
        }
    }

    /** "tests/test_a.py::test_x  FAILED (was PASSED): assert 1 == 2" */
    static String line(Change change) {
        StringBuilder line = new StringBuilder(change.name()).append("  ")
                .append(change.after() == null ? "gone" : change.after().name());
        if (change.before() == null) {
            line.append(" (new)");
        } else if (change.before() != change.after()) {
            line.append(" (was ").append(change.before().name()).append(')');
        }
        if (!change.message().isEmpty()) {
            line.append(": ").append(change.message());
        }
        return line.toString();
    }

    private static String describe(RunRef run) {
        return run.name() + (run.id() != 0 && run.label() != null ? " (" + run.label() + ")" : "");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
