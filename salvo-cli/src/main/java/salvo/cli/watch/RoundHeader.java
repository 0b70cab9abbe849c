package salvo.cli.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import salvo.model.RunRecord;
import salvo.model.UnitResult;

/** The console's lines between rounds: what a round runs and why, and what the loop waits for. Pure. */
final class RoundHeader {
    /** Changed files named in a header; the rest are counted. */
    private static final int NAMED_CHANGES = 2;

    private RoundHeader() {}

    /**
     * "salvo watch: round 3 — 2 failing tests re-run after change to tests/test_a.py".
     *
     * @param changes what changed since the last round, absolute; shown relative to {@code cwd} when under it
     */
    static String text(int number, RoundPlan plan, List<Path> changes, Path cwd) {
        String what;
        if (number == 1) {
            what = "the first run";
        } else if (plan.scope() == RoundPlan.Scope.FAILING) {
            what = failing(plan.failuresOf().orElseThrow()) + " re-run";
        } else {
            what = plan.afterChange() ? "everything" : "the failing tests pass: everything runs again";
        }
        String why = changes.isEmpty() ? "" : " after " + changes(changes, cwd);
        return "salvo watch: round " + number + " — " + what + why;
    }

    static String waiting(List<Path> roots) {
        return "salvo watch: waiting for changes under " + roots.stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + " (Ctrl-C to stop)";
    }

    /** "2 failing tests", "1 failing unit" (a unit that failed as a whole: a file that does not import), or both. */
    static String failing(RunRecord run) {
        int tests = run.totals().failedTests();
        long wholeUnits = run.units().stream().filter(u -> u.outcome().isFailure() && !hasFailedTest(u)).count();
        List<String> parts = new ArrayList<>();
        if (tests > 0 || wholeUnits == 0) {
            parts.add(counted(tests, "failing test"));
        }
        if (wholeUnits > 0) {
            parts.add(counted(wholeUnits, "failing unit"));
        }
        return String.join(" and ", parts);
    }

    private static boolean hasFailedTest(UnitResult unit) {
        return unit.tests().stream().anyMatch(t -> t.isTest() && t.outcome().isFailure());
    }

    private static String changes(List<Path> changes, Path cwd) {
        List<String> names = changes.stream().limit(NAMED_CHANGES).map(p -> shown(p, cwd)).toList();
        int more = changes.size() - names.size();
        String listed = more > 0 ? String.join(", ", names) + " and " + more + " more"
                : names.size() == 2 ? names.get(0) + " and " + names.get(1) : names.get(0);
        return (changes.size() == 1 ? "change to " : "changes to ") + listed;
    }

    private static String shown(Path path, Path cwd) {
        return path.startsWith(cwd) && !path.equals(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
