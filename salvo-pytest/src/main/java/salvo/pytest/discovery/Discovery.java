package salvo.pytest.discovery;

import java.util.List;
import salvo.model.TestUnit;

/**
 * The test files found, sorted by id.
 *
 * @param units             one unit per test file, sorted by id
 * @param unmatchedExcludes exclude entries, as typed, that matched no file: worth a warning
 * @param warnings          other things the user should hear about, one sentence each
 */
public record Discovery(List<TestUnit> units, List<String> unmatchedExcludes, List<String> warnings) {
    public Discovery {
        units = List.copyOf(units);
        unmatchedExcludes = List.copyOf(unmatchedExcludes);
        warnings = List.copyOf(warnings);
    }
}
