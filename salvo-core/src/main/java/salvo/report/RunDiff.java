package salvo.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.TestMeasurement;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/** Works out a {@link Comparison}: one pass over the files, one over the tests. */
final class RunDiff {
    private static final Comparator<Change> BY_PLACE = Comparator.comparing(Change::unitId).thenComparing(Change::testId);

    /** A test, or with an empty test id, the failure of a unit that no test of it explains. */
    private record Key(String unitId, String testId) {

        boolean isWholeUnit() {
            return testId.isEmpty();
        }
    }

    private record Entry(Outcome outcome, Duration duration, String message) {
        static Entry of(UnitResult u) {
            return new Entry(u.outcome(), u.duration(), u.reason());
        }

        static Entry of(TestResult t) {
            return new Entry(t.outcome(), t.duration(), t.failure() == null ? "" : t.failure().message());
        }

        boolean failing() {
            return outcome.isFailure();
        }
    }

    /** The five lists of a {@link Changes}, filled in one pass. */
    private static final class Sorting {
        final List<Change> newFailures = new ArrayList<>();
        final List<Change> fixed = new ArrayList<>();
        final List<Change> stillFailing = new ArrayList<>();
        final List<Change> added = new ArrayList<>();
        final List<Change> removed = new ArrayList<>();

        /** A file or test present in both runs (or, for a whole unit, standing in for it). */
        void compare(Key key, Entry before, Entry after) {
            Change change = change(key, before, after);
            if (after.failing()) {
                (before.failing() ? stillFailing : newFailures).add(change);
            } else if (before.failing()) {
                fixed.add(change);
            }
        }

        /** Each list in the order of units, then tests: the runs were walked in any order. */
        Changes changes() {
            return new Changes(sorted(newFailures), sorted(fixed), sorted(stillFailing), sorted(added), sorted(removed));
        }

        private static List<Change> sorted(List<Change> changes) {
            changes.sort(BY_PLACE);
            return changes;
        }
    }

    private final RunRecord older;
    private final RunRecord newer;
    private final Slowdown slowdown;
    private final Map<String, UnitResult> olderUnits;
    private final Map<String, UnitResult> newerUnits;

    RunDiff(RunRecord older, RunRecord newer, Slowdown slowdown) {
        this.older = Objects.requireNonNull(older, "older");
        this.newer = Objects.requireNonNull(newer, "newer");
        this.slowdown = Objects.requireNonNull(slowdown, "slowdown");
        this.olderUnits = unitsById(older);
        this.newerUnits = unitsById(newer);
    }

    Comparison comparison() {
        List<SlowerTest> slower = new ArrayList<>();
        Map<Key, Entry> olderTests = entries(older);
        Changes tests = tests(olderTests, slower);
        slower.sort(Comparator.comparing(SlowerTest::increase).reversed()
                .thenComparing(SlowerTest::unitId).thenComparing(SlowerTest::testId));
        return new Comparison(RunRef.of(older), RunRef.of(newer), units(), tests, slower, flaky(olderTests), moved());
    }

    /** Measurements taken in both runs whose values differ. */
    private List<MeasurementTrend> moved() {
        return MeasurementTrend.across(List.of(TestMeasurement.of(older), TestMeasurement.of(newer))).stream()
                .filter(t -> t.values().get(0) != null && t.values().get(1) != null && t.drift() != 0).toList();
    }

    private Changes units() {
        Sorting sorting = new Sorting();
        TreeSet<String> ids = new TreeSet<>(olderUnits.keySet());
        ids.addAll(newerUnits.keySet());
        for (String id : ids) {
            Key key = new Key(id, "");
            UnitResult before = olderUnits.get(id);
            UnitResult after = newerUnits.get(id);
            if (after == null) {
                sorting.removed.add(change(key, Entry.of(before), null));
            } else if (before == null) {
                addNewcomer(sorting, key, Entry.of(after), true);
            } else {
                sorting.compare(key, Entry.of(before), Entry.of(after));
            }
        }
        return sorting.changes();
    }

    private Changes tests(Map<Key, Entry> olderTests, List<SlowerTest> slower) {
        Map<Key, Entry> newerTests = entries(newer);
        Sorting sorting = new Sorting();
        newerTests.forEach((key, after) -> compareTest(sorting, key, olderTests.get(key), after, slower));
        olderTests.forEach((key, before) -> {
            if (!newerTests.containsKey(key)) {
                compareTest(sorting, key, before, null, slower);
            }
        });
        return sorting.changes();
    }

    private void compareTest(Sorting sorting, Key key, Entry before, Entry after, List<SlowerTest> slower) {
        if (key.isWholeUnit()) {
            compareWholeUnit(sorting, key, before, after);
        } else if (before != null && after != null) {
            sorting.compare(key, before, after);
            if (ran(before) && ran(after) && slowdown.isMuchSlower(before.duration(), after.duration())) {
                slower.add(new SlowerTest(key.unitId(), key.testId(), before.duration(), after.duration()));
            }
        } else if (after != null) {
            addNewcomer(sorting, key, after, ranTests(olderUnits.get(key.unitId())));
        } else if (ranTests(newerUnits.get(key.unitId()))) {
            sorting.removed.add(change(key, before, null));
        }
        // Otherwise the test's unit is gone, or ran no tests this time (it failed to collect):
        // the unit's own change says so, and listing each of its tests as removed would bury it.
    }

    /**
     * A unit failure no test explains appears on one side only when the unit's story changed;
     * the other side is then the unit's own outcome.
     */
    private void compareWholeUnit(Sorting sorting, Key key, Entry before, Entry after) {
        UnitResult olderUnit = olderUnits.get(key.unitId());
        UnitResult newerUnit = newerUnits.get(key.unitId());
        if (after != null) {
            Entry was = before != null ? before : olderUnit != null ? Entry.of(olderUnit) : null;
            if (was == null) {
                sorting.newFailures.add(change(key, null, after));
            } else {
                sorting.compare(key, was, after);
            }
        } else if (newerUnit != null && !newerUnit.outcome().isFailure()) {
            sorting.compare(key, before, Entry.of(newerUnit));
        }
        // Else the unit is gone, or now fails through tests that are reported one by one.
    }

    /** A file or test only in the newer run. */
    private static void addNewcomer(Sorting sorting, Key key, Entry after, boolean listAsAdded) {
        Change change = change(key, null, after);
        if (listAsAdded) {
            sorting.added.add(change);
        }
        if (after.failing()) {
            sorting.newFailures.add(change);
        }
    }

    private List<Change> flaky(Map<Key, Entry> olderTests) {
        List<Change> flaky = new ArrayList<>();
        for (UnitResult unit : newerUnits.values()) {
            boolean testsExplainIt = false;
            for (TestResult test : unit.tests()) {
                if (test.outcome() == Outcome.FLAKY) {
                    Key key = new Key(unit.unit().id(), test.testId());
                    flaky.add(change(key, olderTests.get(key), Entry.of(test)));
                    testsExplainIt = true;
                }
            }
            if (unit.outcome() == Outcome.FLAKY && !testsExplainIt) {
                UnitResult before = olderUnits.get(unit.unit().id());
                flaky.add(change(new Key(unit.unit().id(), ""), before == null ? null : Entry.of(before), Entry.of(unit)));
            }
        }
        flaky.sort(BY_PLACE);
        return flaky;
    }

    private static Change change(Key key, Entry before, Entry after) {
        String message = after != null && (after.failing() || after.outcome() == Outcome.FLAKY) ? after.message()
                : before != null ? before.message() : "";
        return new Change(key.unitId(), key.testId(), before == null ? null : before.outcome(),
                after == null ? null : after.outcome(), message);
    }

    /** Each test of the run by unit and id, plus each failing unit that no failing test explains. */
    private static Map<Key, Entry> entries(RunRecord run) {
        Map<Key, Entry> entries = new HashMap<>();
        for (UnitResult unit : run.units()) {
            for (TestResult test : unit.tests()) {
                entries.put(new Key(unit.unit().id(), test.testId()), Entry.of(test));
            }
            if (unit.outcome().isFailure() && unit.tests().stream().noneMatch(t -> t.outcome().isFailure())) {
                entries.put(new Key(unit.unit().id(), ""), Entry.of(unit));
            }
        }
        return entries;
    }

    private static Map<String, UnitResult> unitsById(RunRecord run) {
        Map<String, UnitResult> units = new LinkedHashMap<>();
        for (UnitResult unit : run.units()) {
            units.put(unit.unit().id(), unit);
        }
        return units;
    }

    private static boolean ranTests(UnitResult unit) {
        return unit != null && !unit.tests().isEmpty();
    }

    /** Skipped tests take no time worth comparing. */
    private static boolean ran(Entry entry) {
        return entry.outcome() != Outcome.SKIPPED;
    }
}
