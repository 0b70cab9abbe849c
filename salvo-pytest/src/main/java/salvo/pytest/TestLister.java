package salvo.pytest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import salvo.adapter.Listing;
import salvo.model.TestUnit;
import salvo.worker.Transport;

/** `salvo run -l -v` for pytest files: the tests pytest collects in each. */
final class TestLister {
    private TestLister() {}

    static Listing list(List<TestUnit> units, PytestOptions options, PytestPlaces places, Transport transport) {
        PythonProbe.probe(options.python(), options.markers());
        PytestCollector.Collection c = PytestCollector.collect(options, places, PythonPlugin.install(), transport,
                units.stream().map(TestUnit::id).toList());
        Map<String, List<String>> byFile = new TreeMap<>();
        units.forEach(u -> byFile.put(u.id(), new ArrayList<>()));
        for (String id : c.testIds()) {
            byFile.computeIfAbsent(PytestIds.fileOf(id), k -> new ArrayList<>()).add(id);
        }
        List<String> lines = new ArrayList<>();
        byFile.forEach((file, tests) -> {
            lines.add(file + " (" + tests.size() + ")");
            tests.forEach(t -> lines.add("  " + PytestIds.testName(t)));
        });
        c.errors().forEach(e -> lines.add("collection error: " + e));
        return new Listing(lines, c.testIds().size(), !c.errors().isEmpty());
    }
}
