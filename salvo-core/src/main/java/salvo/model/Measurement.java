package salvo.model;

import java.util.Objects;

/**
 * A value a test measured and compared, kept so runs can show it drifting, not only passing:
 * {@code voltage = 5.02 V in [4.9, 5.1]}.
 *
 * @param low  the lowest value that passes, null when there is none
 * @param high the highest value that passes, null when there is none
 * @param unit "" when none was given
 */
public record Measurement(String name, double value, Double low, Double high, String unit) {
    public Measurement {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? "" : unit;
        if (name.isBlank()) {
            throw new IllegalArgumentException("a measurement needs a name");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("measurement " + name + " is not a finite number: " + value);
        }
    }

    /** Whether it lies within its limits (a measurement without limits always does). */
    public boolean withinLimits() {
        return (low == null || value >= low) && (high == null || value <= high);
    }
}
