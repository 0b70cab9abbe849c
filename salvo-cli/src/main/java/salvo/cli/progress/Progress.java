package salvo.cli.progress;

import java.util.Locale;

/**
 * How far a run is at one moment, in tests and in files. Immutable.
 *
 * @param testsDone     tests finished (a unit without tests counts as one, once it ends)
 * @param testsExpected tests found so far plus an estimate for the units not collected yet
 * @param estimated     true while some unit's count is still a guess
 * @param unitsDone     units that ended for good (not waiting for a retry)
 * @param units         units planned
 */
public record Progress(int testsDone, int testsExpected, boolean estimated, int unitsDone, int units) {
    public static final Progress NONE = new Progress(0, 0, false, 0, 0);

    /** Done over expected as a share of {@code whole} (100 for a percentage), rounded down; integers, so 29/100 is 29. */
    public long share(long whole) {
        return testsExpected == 0 ? 0 : whole * Math.min(testsDone, testsExpected) / testsExpected;
    }

    public int percent() {
        return (int) share(100);
    }

    public boolean allUnitsDone() {
        return units > 0 && unitsDone >= units;
    }

    /** {@code 1 234/~5 000 tests (12/266 files)}. */
    public String text() {
        return tests() + " (" + files() + ")";
    }

    public String files() {
        return unitsDone + "/" + units + " files";
    }

    /** {@code 1 234/~5 000 tests}: a tilde marks a total that is still a guess, as the ETA's. */
    public String tests() {
        return grouped(testsDone) + "/" + (estimated ? "~" : "") + grouped(testsExpected) + " tests";
    }

    /** Thousands apart by a space, readable in any locale. */
    static String grouped(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
