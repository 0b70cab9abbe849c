package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import salvo.testing.NoLeftoverProcesses;

/**
 * A runner must never change a test's outcome: a varied suite (every outcome, fixtures that fail
 * to set up or tear down, classes in classes, odd parameter ids, files that skip themselves or
 * fail to import, a test that imports from the invocation directory) gives, test by test, the
 * same outcomes under Salvo, in every isolation mode, as under plain `python -m pytest` started
 * in the same directory with the same paths, with the same interpreter: pytest 9 (the `python3` on
 * PATH) and Debian's pytest 7.2 (`/usr/bin/python3`, with Debian's plugins installed and loaded).
 * pytest's own outcomes come from a small plugin (src/test/resources/fidelity/outcomes_plugin.py).
 */
class FidelityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Path proj;

    @BeforeEach
    void copySuite() {
        Salvo.copyTree(Path.of("src/test/resources/fidelity"), dir);
        proj = dir.resolve("proj");
    }

    /** Each interpreter in each isolation mode. */
    static Stream<Arguments> pythonsAndModes() {
        return Stream.of("python3", "/usr/bin/python3").flatMap(python -> Stream.of("fresh", "persistent", "fork",
                "fork-test").map(isolation -> Arguments.of(python, isolation)));
    }

    @ParameterizedTest(name = "{0} --isolation {1}")
    @MethodSource("pythonsAndModes")
    void fromTheRootdirEveryTestEndsAsUnderPlainPytest(String python, String isolation) throws Exception {
        assertSameOutcomes(python, proj, isolation);
    }

    @ParameterizedTest(name = "{0} --isolation {1}")
    @MethodSource("pythonsAndModes")
    void fromASubdirectoryWithPathsEveryTestEndsAsUnderPlainPytest(String python, String isolation) throws Exception {
        assertSameOutcomes(python, proj.resolve("sub"), isolation, "../tests");
    }

    private void assertSameOutcomes(String python, Path cwd, String isolation, String... paths) throws Exception {
        Map<String, String> pytest = plainPytest(python, cwd, paths);
        assertTrue(pytest.size() > 20, "the suite was collected: " + pytest);
        Map<String, String> salvo = salvo(python, cwd, isolation, paths);
        String versus = "plain pytest vs salvo --python " + python + " --isolation " + isolation;
        assertEquals(pytest, salvo, "node id -> outcome, " + versus);
        int pytestWarnings = Integer.parseInt(Files.readString(dir.resolve("pytest-outcomes.json.warnings")));
        assertTrue(pytestWarnings >= 7, "the suite's warnings were recorded: " + pytestWarnings);
        assertEquals(pytestWarnings, storedRun(cwd, isolation).path("totals").path("warnings").asInt(),
                "the warnings count, " + versus);
    }

    private JsonNode storedRun(Path cwd, String isolation) throws IOException {
        return JSON.readTree(store(cwd, isolation).resolve("last_run.json").toFile());
    }

    private Path store(Path cwd, String isolation) {
        return dir.resolve("store-" + isolation + "-" + cwd.getFileName());
    }

    private Map<String, String> plainPytest(String python, Path cwd, String... paths) throws Exception {
        Path out = dir.resolve("pytest-outcomes.json");
        // pytest stops a session that has a collection error before any test runs; Salvo runs the
        // other files, as pytest's --continue-on-collection-errors does: compare with that.
        List<String> command = new ArrayList<>(List.of(python, "-m", "pytest", "-q", "-p", "outcomes_plugin",
                "-p", "no:cacheprovider", "--continue-on-collection-errors"));
        command.addAll(List.of(paths));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", dir.toString());
        pb.environment().put("OUTCOMES_FILE", out.toString());
        pb.environment().put("EXPECTED_CWD", cwd.toString());
        Process p = pb.start();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "plain pytest finished");
        Map<String, String> outcomes = new TreeMap<>();
        JSON.readTree(out.toFile()).fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asText()));
        return outcomes;
    }

    private Map<String, String> salvo(String python, Path cwd, String isolation, String... paths) throws IOException {
        Path store = store(cwd, isolation);
        List<String> args = new ArrayList<>(List.of("run", "--python", python, "-m", "", "--isolation", isolation, "-w", "2",
                "--store", store.toString()));
        args.addAll(List.of(paths));
        Salvo.Result r = Salvo.run(cwd, Map.of("EXPECTED_CWD", cwd.toString()), args.toArray(String[]::new));
        assertEquals(1, r.exit(), "the suite has failures: " + r);
        int warnings = storedRun(cwd, isolation).path("totals").path("warnings").asInt();
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("tests: ") && l.endsWith(", " + warnings + " warnings")),
                "the summary counts the stored warnings as pytest does: " + r);
        Map<String, String> outcomes = new TreeMap<>();
        for (JsonNode unit : storedRun(cwd, isolation).path("units")) {
            if (unit.path("tests").isEmpty()) {
                outcomes.put(unit.path("id").asText(), unit.path("outcome").asText()); // a file that did not collect
            }
            unit.path("tests").forEach(t -> outcomes.put(t.path("id").asText(), t.path("outcome").asText()));
        }
        return outcomes;
    }
}
