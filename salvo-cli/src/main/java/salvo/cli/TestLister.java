package salvo.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
import salvo.model.TestUnit;
import salvo.pytest.PytestCollector;
import salvo.pytest.PytestOptions;
import salvo.pytest.PythonPlugin;
import salvo.pytest.PythonProbe;

/** `salvo run -l`: the discovered files, and with -v the tests pytest collects in each. */
final class TestLister {
    private TestLister() {}

    static int list(List<TestUnit> units, boolean withTests, PytestOptions options, Path rootDir, PrintStream out) {
        if (!withTests) {
            units.forEach(u -> out.println(u.id()));
            out.println(units.size() + " test file" + (units.size() == 1 ? "" : "s"));
            return units.isEmpty() ? ExitCode.NO_TESTS : ExitCode.PASSED;
        }
        PythonProbe.probe(options.python(), options.markers());
        PytestCollector.Collection c = PytestCollector.collect(options, rootDir, PythonPlugin.install(),
                units.stream().map(TestUnit::id).toList());
        Map<String, List<String>> byFile = new TreeMap<>();
        units.forEach(u -> byFile.put(u.id(), new ArrayList<>()));
        for (String id : c.testIds()) {
            int sep = id.indexOf("::");
            byFile.computeIfAbsent(sep < 0 ? id : id.substring(0, sep), k -> new ArrayList<>()).add(id);
        }
        byFile.forEach((file, tests) -> {
            out.println(file + " (" + tests.size() + ")");
            tests.forEach(t -> out.println("  " + t.substring(t.indexOf("::") + 2)));
        });
        c.errors().forEach(e -> out.println("collection error: " + e));
        out.println(c.testIds().size() + " tests in " + units.size() + " files"
                + (c.errors().isEmpty() ? "" : ", " + c.errors().size() + " collection errors"));
        return c.errors().isEmpty() ? (c.testIds().isEmpty() ? ExitCode.NO_TESTS : ExitCode.PASSED) : ExitCode.FAILED;
    }
}
