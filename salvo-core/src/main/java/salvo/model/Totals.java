package salvo.model;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Counts of tests and units by outcome, and of the warnings they recorded. */
public record Totals(Map<Outcome, Integer> tests, Map<Outcome, Integer> units, int warnings) {
    public Totals(Map<Outcome, Integer> tests, Map<Outcome, Integer> units) {
        this(tests, units, 0);
    }

    public Totals {
        tests = Map.copyOf(tests);
        units = Map.copyOf(units);
    }

    public static Totals of(Collection<UnitResult> results) {
        Map<Outcome, Integer> tests = new EnumMap<>(Outcome.class);
        Map<Outcome, Integer> units = new EnumMap<>(Outcome.class);
        int warnings = 0;
        for (UnitResult u : results) {
            units.merge(u.outcome(), 1, Integer::sum);
            warnings += u.allWarnings();
            for (TestResult t : u.tests()) {
                if (t.isTest()) {
                    tests.merge(t.outcome(), 1, Integer::sum);
                }
            }
        }
        return new Totals(tests, units, warnings);
    }

    public int tests(Outcome o) {
        return tests.getOrDefault(o, 0);
    }

    public int units(Outcome o) {
        return units.getOrDefault(o, 0);
    }

    public int testCount() {
        return tests.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int unitCount() {
        return units.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int failedTests() {
        return tests.entrySet().stream().filter(e -> e.getKey().isFailure()).mapToInt(Map.Entry::getValue).sum();
    }

    public int failedUnits() {
        return units.entrySet().stream().filter(e -> e.getKey().isFailure()).mapToInt(Map.Entry::getValue).sum();
    }
}
