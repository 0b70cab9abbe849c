package salvo.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import salvo.model.RunRecord;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/**
 * {@code --lf} and {@code --ff}, from Salvo's own store: what the last run says should run now,
 * or first. Pure.
 */
public final class Selection {
    private Selection() {}

    /**
     * Only what failed last time: a unit's failed tests (where the execution can select tests;
     * otherwise the whole unit), or the whole unit when it failed as a whole. Units that did not
     * fail are left out; when nothing of the plan failed, everything runs, as the Python runners'
     * --lf does, and the plan itself is returned.
     */
    public static List<PlannedUnit> lastFailed(List<PlannedUnit> plan, Optional<RunRecord> previous) {
        Map<String, UnitResult> failed = failedUnits(previous);
        if (plan.stream().noneMatch(p -> failed.containsKey(p.id()))) {
            return plan; // nothing of this plan failed (or nothing at all): the same list, to say so
        }
        List<PlannedUnit> selected = new ArrayList<>();
        for (PlannedUnit p : plan) {
            UnitResult before = failed.get(p.id());
            if (before == null) {
                continue;
            }
            Set<String> tests = before.tests().stream().filter(t -> t.outcome().isFailure())
                    .map(TestResult::testId).collect(Collectors.toSet());
            selected.add(before.failure() != null || tests.isEmpty() ? p : new PlannedUnit(p.unit(), tests, p.attempt()));
        }
        return selected;
    }

    /** Everything, the units that failed last time first (in their own order), then the rest. */
    public static List<PlannedUnit> failedFirst(List<PlannedUnit> plan, Optional<RunRecord> previous) {
        Map<String, UnitResult> failed = failedUnits(previous);
        List<PlannedUnit> first = new ArrayList<>();
        List<PlannedUnit> rest = new ArrayList<>();
        plan.forEach(p -> (failed.containsKey(p.id()) ? first : rest).add(p));
        first.addAll(rest);
        return first;
    }

    private static Map<String, UnitResult> failedUnits(Optional<RunRecord> previous) {
        Map<String, UnitResult> failed = new LinkedHashMap<>();
        previous.ifPresent(run -> run.units().stream().filter(u -> u.outcome().isFailure())
                .forEach(u -> failed.put(u.unit().id(), u)));
        return failed;
    }
}
