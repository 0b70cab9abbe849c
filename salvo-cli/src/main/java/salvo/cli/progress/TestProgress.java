package salvo.cli.progress;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/**
 * Counts a run's progress in tests. Workers collect files lazily, so the number of tests grows
 * during the run: each unit counts its collected tests once a worker found them, its final tests
 * once it ended, and until then an estimate. Every unit weighs at least one (a command, a file that
 * failed to import), so a run is 100% exactly when every unit ended. Pure; not thread-safe.
 */
public final class TestProgress {
    /** Planned unit ids to their adapter, in plan order. */
    private final Map<String, String> adapters = new LinkedHashMap<>();
    private final Map<String, Integer> lastRun;
    private final Map<String, Integer> collected = new HashMap<>();
    /** Distinct tests finished per unit that has not ended yet: retries and --dist each repeat them. */
    private final Map<String, Set<String>> finished = new HashMap<>();
    private final Map<String, Integer> ended = new HashMap<>();

    /** @param lastRun tests per unit id in the last stored run ({@code SqliteStore.testsPerUnit}) */
    public TestProgress(List<TestUnit> planned, Map<String, Integer> lastRun) {
        planned.forEach(u -> adapters.put(u.id(), u.adapter()));
        this.lastRun = Map.copyOf(lastRun);
    }

    /** A worker found this many tests in a unit; a retry round collects fewer, each worker of --dist each the same. */
    public void collected(String unitId, int tests) {
        collected.merge(unitId, tests, Math::max);
    }

    public void testFinished(TestResult t) {
        if (t.isTest() && !ended.containsKey(t.unitId())) {
            finished.computeIfAbsent(t.unitId(), k -> new HashSet<>()).add(t.testId());
        }
    }

    /**
     * The unit's final result (not an attempt that will be retried): its count is now exact.
     *
     * @return false when it had ended already (the run's record repeats what its events said)
     */
    public boolean ended(UnitResult u) {
        if (ended.putIfAbsent(u.unit().id(), Math.max(1, testsIn(u))) != null) {
            return false;
        }
        finished.remove(u.unit().id());
        return true;
    }

    public Progress progress() {
        Map<String, Mean> means = collectedMeans();
        int done = 0;
        int expected = 0;
        int unitsDone = 0;
        boolean guessed = false;
        for (Map.Entry<String, String> unit : adapters.entrySet()) {
            String id = unit.getKey();
            Integer end = ended.get(id);
            if (end != null) {
                done += end;
                expected += end;
                unitsDone++;
                continue;
            }
            int doneHere = finished.getOrDefault(id, Set.of()).size();
            Integer known = collected.get(id);
            guessed |= known == null;
            int count = known != null ? known : estimate(id, means.get(unit.getValue()));
            done += doneHere;
            expected += Math.max(Math.max(1, count), doneHere);
        }
        return new Progress(done, expected, guessed, unitsDone, adapters.size());
    }

    /**
     * A unit not collected yet: its count in the last stored run when there is one, else the mean
     * of the units of its adapter collected so far, else one (adapters that never collect: commands,
     * sequences).
     */
    private int estimate(String unitId, Mean mean) {
        Integer before = lastRun.get(unitId);
        if (before != null) {
            return before;
        }
        return mean == null ? 1 : mean.rounded();
    }

    private Map<String, Mean> collectedMeans() {
        Map<String, Mean> means = new HashMap<>();
        collected.forEach((id, tests) -> {
            String adapter = adapters.get(id);
            if (adapter != null) {
                means.computeIfAbsent(adapter, a -> new Mean()).add(tests);
            }
        });
        return means;
    }

    private static int testsIn(UnitResult u) {
        return (int) u.tests().stream().filter(TestResult::isTest).map(TestResult::testId).distinct().count();
    }

    private static final class Mean {
        private long sum;
        private int n;

        void add(int value) {
            sum += value;
            n++;
        }

        int rounded() {
            return (int) Math.round((double) sum / n);
        }
    }
}
