package salvo.pytest.discovery;

import java.util.List;
import salvo.model.TestUnit;

/**
 * The test files found, sorted by id.
 *
 * @param units             one unit per test file, sorted by id
 * @param unmatchedExcludes exclude entries, as typed, that matched no file: worth a warning
 * @param missingExcludes   of those, the ones typed as paths that exist nowhere: a mistake
 * @param warnings          other things the user should hear about, one sentence each
 */
public record Discovery(List<TestUnit> units, List<String> unmatchedExcludes, List<String> missingExcludes,
                        List<String> warnings) {
    public Discovery {
        units = List.copyOf(units);
        unmatchedExcludes = List.copyOf(unmatchedExcludes);
        missingExcludes = List.copyOf(missingExcludes);
        warnings = List.copyOf(warnings);
    }
}
