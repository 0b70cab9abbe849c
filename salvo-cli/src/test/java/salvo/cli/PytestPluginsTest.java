package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import salvo.testing.NoLeftoverProcesses;

/**
 * The pytest plugins real suites rely on, as Debian ships them for its own Python (pytest 7.2):
 * pytest-cov (and coverage.py's own COVERAGE_PROCESS_START) give, line by line, the coverage of
 * serial pytest in every isolation mode, and leave no data file of a worker or child behind;
 * pytest-timeout's limits end a test as TIMEOUT; a plugin that cannot load stops the run with
 * one line. Each is compared with plain `/usr/bin/python3 -m pytest` on the same small suite
 * (src/test/resources/plugins).
 */
class PytestPluginsTest {
    private static final String DEBIAN_PYTHON = PluginSuite.DEBIAN_PYTHON;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A row of coverage.py's term-missing report: file, statements, missed, percent, missing lines. */
    private static final Pattern COVERAGE_ROW = Pattern.compile("^(\\S+\\.py)\\s+(\\d+)\\s+(\\d+)\\s+\\d+%\\s*(.*)$");

    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    // ---- pytest-cov ----------------------------------------------------------------------

    @EveryIsolationMode
    void pytestCovReportsOnceWhatSerialPytestCovReports(String isolation) throws Exception {
        PluginSuite suite = new PluginSuite(dir, "coverage");
        String[] cov = {"--cov=pkg", "--cov-report=term-missing"};
        PluginSuite.Plain serial = suite.plainPytest(Map.of(), cov);
        Map<String, String> expected = coverageRows(serial.output());
        assertTrue(expected.get("pkg/shapes.py").contains("5, 8, 13"), "the suite leaves lines out: " + serial.output());
        Files.delete(suite.path().resolve(".coverage"));

        Set<Path> scratchBefore = scratchDirectories();
        Salvo.Result r = suite.salvo(Map.of(), isolation, cov);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(serial.outcomes(), suite.salvoOutcomes(isolation), "node id -> outcome, pytest vs salvo");
        assertEquals(1, count(r.out(), "coverage: platform"), "one report: " + r.out());
        assertEquals(expected, coverageRows(r.out()), "file -> statements, missed, missing lines, "
                + "pytest --cov vs salvo --isolation " + isolation + ":\n" + r.out());
        assertEquals(List.of(".coverage"), dataFiles(suite.path()), "the user's data file, as serial pytest leaves it, and no other");
        assertEquals(scratchBefore, scratchDirectories(), "Salvo's own coverage directory is gone");
    }

    @EveryIsolationMode
    void coverageProcessStartMeasuresEveryProcessAndChild(String isolation) throws Exception {
        PluginSuite suite = new PluginSuite(dir, "coverage");
        Map<String, String> env = Map.of("COVERAGE_PROCESS_START", suite.path().resolve("process_start.coveragerc").toString(),
                "PYTHONPATH", suite.path().resolve("startup").toString());
        PluginSuite.Plain serial = suite.plainPytest(env);
        Map<String, String> expected = combinedReport(suite.path());
        assertTrue(expected.get("pkg/loaded.py").contains("13"), "the suite leaves lines out: " + expected);

        Salvo.Result r = suite.salvo(env, isolation);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(serial.outcomes(), suite.salvoOutcomes(isolation), "node id -> outcome, pytest vs salvo");
        assertEquals(expected, combinedReport(suite.path()), "coverage combine + report after pytest vs after salvo --isolation "
                + isolation);
    }

    // ---- pytest-timeout ------------------------------------------------------------------

    @EveryIsolationMode
    void pytestTimeoutLimitsEndTestsAsTimeout(String isolation) throws Exception {
        PluginSuite suite = new PluginSuite(dir, "timeout");
        PluginSuite.Plain serial = suite.plainPytest(Map.of(), "--timeout=1");
        assertEquals(3, count(serial.output(), " - Failed: Timeout >1.0s"), "pytest-timeout's own failures: " + serial.output());
        Map<String, String> expected = new TreeMap<>(serial.outcomes());
        expected.replaceAll((id, outcome) -> outcome.equals("FAILED") ? "TIMEOUT" : outcome);
        assertEquals(3, expected.values().stream().filter("TIMEOUT"::equals).count(), expected.toString());

        Salvo.Result r = suite.salvo(Map.of(), isolation, "--timeout=1");
        assertEquals(1, r.exit(), r.toString());
        assertEquals(expected, suite.salvoOutcomes(isolation), "pytest's timeouts are Salvo's TIMEOUT: " + r);
        assertFalse(r.out().contains("CRASHED"), r.out());
    }

    @Test
    void testTimeoutAndPytestTimeoutsOptionConflict() {
        Salvo.Result r = Salvo.run(new PluginSuite(dir, "timeout").path(), "run", "--python", DEBIAN_PYTHON, "--test-timeout", "1",
                "--store", dir.resolve("store").toString(), "--", "--timeout", "5");
        Salvo.assertOneLineError(r, "--test-timeout 1s and pytest-timeout's --timeout 5 (after --) both set");
    }

    // ---- plugins that cannot load ----------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"fresh", "persistent", "fork-test"})
    void aPluginThatIsNotInstalledIsOneLine(String isolation) throws IOException {
        PluginSuite suite = new PluginSuite(dir, "coverage");
        for (String python : List.of(DEBIAN_PYTHON, "python3")) {
            Salvo.Result r = Salvo.run(suite.path(), "run", "--python", python, "--isolation", isolation, "--store",
                    dir.resolve("store").toString(), "--", "-p", "no_such_plugin");
            Salvo.assertOneLineError(r, "pytest plugin \"no_such_plugin\" is not installed for");
            assertTrue(r.err().contains("No module named 'no_such_plugin'"), r.err());
            assertStoredAsInterrupted();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fresh", "persistent", "fork-test"})
    void aPluginThatCrashesAtImportIsOneLine(String isolation) throws IOException {
        PluginSuite suite = new PluginSuite(dir, "coverage");
        Salvo.write(dir, "plugins/crashing_plugin.py", "\nraise RuntimeError('no licence server')\n");
        for (String python : List.of(DEBIAN_PYTHON, "python3")) {
            Salvo.Result r = Salvo.run(suite.path(), Map.of("PYTHONPATH", dir.resolve("plugins").toString()), "run", "--python",
                    python, "--isolation", isolation, "--store", dir.resolve("store").toString(), "--", "-p",
                    "crashing_plugin");
            Salvo.assertOneLineError(r, "pytest plugin \"crashing_plugin\" failed at import: RuntimeError: no licence "
                    + "server (../plugins/crashing_plugin.py:2)");
            assertStoredAsInterrupted();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** coverage.py's own `combine` and `report -m`, as a user of COVERAGE_PROCESS_START runs them after the tests. */
    private Map<String, String> combinedReport(Path suite) throws Exception {
        String rc = "--rcfile=" + suite.resolve("process_start.coveragerc");
        assertEquals("", coverageCommand(suite, "combine", "-q", rc).strip(), "combined");
        assertEquals(List.of(".coverage"), dataFiles(suite), "combine took every process's data file");
        String report = coverageCommand(suite, "report", "-m", rc);
        Files.delete(suite.resolve(".coverage"));
        return coverageRows(report);
    }

    private static String coverageCommand(Path suite, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(DEBIAN_PYTHON, "-m", "coverage"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(suite.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "coverage " + args[0] + " finished");
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    /** Each measured file's row of a term-missing report: statements, missed, and the missing lines. */
    private static Map<String, String> coverageRows(String report) {
        Map<String, String> rows = new TreeMap<>();
        for (String line : report.lines().toList()) {
            Matcher m = COVERAGE_ROW.matcher(line.strip());
            if (m.matches()) {
                rows.put(m.group(1), m.group(2) + " " + m.group(3) + " [" + m.group(4).strip() + "]");
            }
        }
        assertTrue(rows.size() >= 3, "a coverage report: " + report);
        return rows;
    }

    private static List<String> dataFiles(Path suite) throws IOException {
        try (Stream<Path> files = Files.walk(suite)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".coverage")).sorted().toList();
        }
    }

    private static Set<Path> scratchDirectories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("salvo-coverage-")).collect(Collectors.toSet());
        }
    }

    private void assertStoredAsInterrupted() throws IOException {
        JsonNode run = JSON.readTree(dir.resolve("store").resolve("last_run.json").toFile());
        assertEquals("INTERRUPTED", run.path("status").asText(), "the run that could not start is kept");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
