package salvo.adapter;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import salvo.model.TestUnit;

/**
 * What an adapter found.
 *
 * @param root     the project root it found the units under (a Python project's rootdir, say), if it has one
 * @param warnings one line each, printed before the run ("--exclude 'x' matched no test file")
 * @param looking  what it looked for, for the "no tests found" message ("test_*.py or *_test.py files")
 */
public record Discovery(List<TestUnit> units, Optional<Path> root, List<String> warnings, String looking) {
    public Discovery {
        units = List.copyOf(units);
        warnings = List.copyOf(warnings);
    }

    public static Discovery none(String looking) {
        return new Discovery(List.of(), Optional.empty(), List.of(), looking);
    }
}
