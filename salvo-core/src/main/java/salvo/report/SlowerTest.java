package salvo.report;

import java.time.Duration;

/** A test that took much longer in the newer run. */
public record SlowerTest(String unitId, String testId, Duration before, Duration after) {

    public Duration increase() {
        return after.minus(before);
    }

    /** How many times longer it took; infinite when it took no time before. */
    public double factor() {
        return before.isZero() ? Double.POSITIVE_INFINITY : (double) after.toNanos() / before.toNanos();
    }
}
