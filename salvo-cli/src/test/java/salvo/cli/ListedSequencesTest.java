package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.store.SqliteStore;
import salvo.testing.NoLeftoverProcesses;

/**
 * salvo.yaml's sequences: beside its commands and a pytest file, through the real command line:
 * each listing a unit of its own, run with its defines and configs, and every mistake in the
 * listing one line at its place.
 */
class ListedSequencesTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @BeforeEach
    void project() {
        Salvo.write(dir, "test_py.py", "def test_ok():\n    pass\n");
        Salvo.write(dir, "checks/param.yaml", "temperature: 25\n");
        Salvo.write(dir, "checks/supply.tum", String.join("\n",
                "main:",
                "  name: supply",
                "  steps:",
                "    - check: {name: cool enough, values: [\"<| $(temperature) < 60 |>\"]}",
                ""));
        Salvo.write(dir, "checks/other.tum", "main:\n  name: other\n  steps:\n    - check: {name: fine, values: [\"<| 1 == 1 |>\"]}\n");
        Salvo.write(dir, "boards/oven.yaml", "temperature: 99\n");
    }

    private void listing(String... sequences) {
        Salvo.write(dir, "salvo.yaml", "commands:\n  - name: lint\n    run: echo linting\nsequences:\n"
                + String.join("\n", sequences) + "\n");
    }

    @Test
    void listedSequencesAreUnitsBesideCommandsAndPytestFiles() {
        listing("  - checks/supply.tum",
                "  - path: checks/supply.tum",
                "    name: supply-hot",
                "    define: {temperature: 85}",
                "  - path: checks/supply.tum",
                "    name: supply-oven",
                "    config: [boards/oven.yaml]");
        Salvo.Result r = Salvo.run(dir, "run");
        assertEquals(1, r.exit(), r.toString());
        RunRecord run = latest();
        assertEquals(Map.of("test_py.py", Outcome.PASSED, "command:lint", Outcome.PASSED,
                "checks/supply.tum", Outcome.PASSED, "sequence:supply-hot", Outcome.FAILED,
                "sequence:supply-oven", Outcome.FAILED, "checks/other.tum", Outcome.PASSED), units(run),
                "a listed file runs only as listed; an unlisted one is still discovered: " + r);
        assertEquals(Outcome.PASSED, item(run, "checks/supply.tum", "cool enough").outcome());
        TestResult hot = item(run, "sequence:supply-hot", "cool enough");
        assertEquals(Outcome.FAILED, hot.outcome(), "the define replaced param.yaml's 25");
        assertEquals("sequence:supply-hot::0:check", hot.node().id());
        assertEquals(Outcome.FAILED, item(run, "sequence:supply-oven", "cool enough").outcome(),
                "the config replaced param.yaml");

        Salvo.Result byName = Salvo.run(dir, "run", "supply-hot");
        assertEquals(1, byName.exit(), byName.toString());
        assertEquals(Map.of("sequence:supply-hot", Outcome.FAILED), units(latest()));

        Salvo.Result byFile = Salvo.run(dir, "run", "checks/supply.tum");
        assertEquals(Map.of("checks/supply.tum", Outcome.PASSED, "sequence:supply-hot", Outcome.FAILED,
                "sequence:supply-oven", Outcome.FAILED), units(latest()), "a listed file named runs as it is listed");

        Salvo.Result excluded = Salvo.run(dir, "run", "checks", "--exclude", "supply-hot", "--exclude", "sequence:supply-oven");
        assertEquals(0, excluded.exit(), excluded.toString());
        assertEquals(Map.of("checks/supply.tum", Outcome.PASSED, "checks/other.tum", Outcome.PASSED), units(latest()));
    }

    @Test
    void mistakesInTheListingAreOneLineAtTheirPlace() {
        listing("  - checks/nope*.tum");
        Salvo.assertOneLineError(Salvo.run(dir, "run"), "salvo.yaml:5:5: 'checks/nope*.tum' matches no sequence file");
        listing("  - path: checks/supply.tum", "    config: [boards/missing.yaml]");
        Salvo.assertOneLineError(Salvo.run(dir, "run"), "salvo.yaml:6:14: config file 'boards/missing.yaml' of sequence "
                + "checks/supply.tum not found");
        listing("  - path: checks/supply.tum", "    define: [temperature=85]");
        Salvo.assertOneLineError(Salvo.run(dir, "run"), "salvo.yaml:6:13: define of sequence checks/supply.tum must be "
                + "a mapping of variable names to values (define: {rate: 115200}); got a list");
        listing("  - path: checks/supply.tum", "    name: twice", "  - path: checks/other.tum", "    name: twice");
        Salvo.assertOneLineError(Salvo.run(dir, "run"), "salvo.yaml:8:11: sequence:twice is already listed at "
                + "salvo.yaml:6:11");
        Salvo.write(dir, "salvo.yaml", "sequence:\n  - checks/supply.tum\n");
        Salvo.assertOneLineError(Salvo.run(dir, "run"), "salvo.yaml:1:1: unknown key 'sequence'; the top level of "
                + "salvo.yaml may have: commands, sequences");
    }

    private RunRecord latest() {
        try (SqliteStore store = SqliteStore.open(dir.resolve(".salvo"))) {
            return store.latest().orElseThrow();
        }
    }

    private static Map<String, Outcome> units(RunRecord run) {
        Map<String, Outcome> units = new TreeMap<>();
        run.units().forEach(u -> units.put(u.unit().id(), u.outcome()));
        return units;
    }

    private static TestResult item(RunRecord run, String unit, String name) {
        UnitResult result = run.units().stream().filter(u -> u.unit().id().equals(unit)).findFirst().orElseThrow();
        return result.tests().stream().filter(t -> t.node().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + result.tests()));
    }
}
