package salvo.execute;

import java.util.Objects;
import java.util.Set;
import salvo.model.TestUnit;

/**
 * One unit to run in a round: all of it, or only the named tests (a test-level retry), as
 * attempt {@code attempt}.
 */
public record PlannedUnit(TestUnit unit, Set<String> onlyTests, int attempt) {
    public PlannedUnit {
        Objects.requireNonNull(unit, "unit");
        onlyTests = Set.copyOf(onlyTests);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
    }

    public static PlannedUnit whole(TestUnit unit) {
        return new PlannedUnit(unit, Set.of(), 1);
    }

    public boolean isWhole() {
        return onlyTests.isEmpty();
    }

    public String id() {
        return unit.id();
    }
}
