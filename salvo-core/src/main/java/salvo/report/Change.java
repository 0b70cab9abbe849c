package salvo.report;

import salvo.model.Outcome;

/**
 * How one file or test differs between two runs.
 *
 * @param testId  empty for a file (unit) as a whole, including a file that failed with no
 *                failing test to blame (a collection error, a crash between tests)
 * @param before  the outcome in the older run; null when it was not there
 * @param after   the outcome in the newer run; null when it is gone
 * @param message the failure's one-line message: the newer one when it fails now, else the older
 */
public record Change(String unitId, String testId, Outcome before, Outcome after, String message) {

    public boolean isWholeUnit() {
        return testId.isEmpty();
    }

    /** The test id, or the unit id for a unit as a whole. */
    public String name() {
        return isWholeUnit() ? unitId : testId;
    }
}
