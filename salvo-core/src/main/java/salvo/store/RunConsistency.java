package salvo.store;

import salvo.model.RunRecord;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/**
 * The one rule the store and the archive rely on beyond the records' own checks: each test
 * result sits under the unit it names, so the unit id is kept once, with the unit.
 */
final class RunConsistency {
    private RunConsistency() {}

    static void check(RunRecord run) {
        for (UnitResult unit : run.units()) {
            for (TestResult test : unit.tests()) {
                if (!test.unitId().equals(unit.unit().id())) {
                    throw new IllegalArgumentException("test " + test.testId() + " names unit " + test.unitId()
                            + " but is listed under unit " + unit.unit().id());
                }
            }
        }
    }
}
