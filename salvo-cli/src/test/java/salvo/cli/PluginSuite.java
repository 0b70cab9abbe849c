package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A small suite of src/test/resources/plugins, copied into a test's directory and run on Debian's
 * own Python, where Debian's pytest plugins are installed: by plain `/usr/bin/python3 -m pytest`
 * (its outcomes from the fidelity test's plugin) and by Salvo with two workers (its outcomes from
 * the stored run), so that a test compares the two, node id by node id.
 */
final class PluginSuite {
    static final String DEBIAN_PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What plain pytest said: node id -> outcome, and everything it printed. */
    record Plain(Map<String, String> outcomes, String output) {}

    private final Path dir;
    private final Path path;

    /** Copies the suite {@code name} into {@code dir}/{@code name}. */
    PluginSuite(Path dir, String name) {
        this.dir = dir;
        this.path = dir.resolve(name);
        Salvo.copyTree(Path.of("src/test/resources/plugins", name), path);
        Salvo.copyTree(Path.of("src/test/resources/fidelity/outcomes_plugin.py"), dir.resolve("outcomes/outcomes_plugin.py"));
    }

    Path path() {
        return path;
    }

    /** Serial `/usr/bin/python3 -m pytest` in the suite. */
    Plain plainPytest(Map<String, String> env, String... args) throws Exception {
        Path outcomes = dir.resolve("pytest-outcomes.json");
        List<String> command = new ArrayList<>(List.of(DEBIAN_PYTHON, "-m", "pytest", "-p", "outcomes_plugin", "-p",
                "no:cacheprovider"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(path.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().merge("PYTHONPATH", dir.resolve("outcomes").toString(), (a, b) -> a + ":" + b);
        pb.environment().put("OUTCOMES_FILE", outcomes.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "plain pytest finished");
        Map<String, String> result = new TreeMap<>();
        JSON.readTree(outcomes.toFile()).fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        assertTrue(result.size() >= 5, "the suite ran: " + output);
        return new Plain(result, output);
    }

    /** `salvo run --python /usr/bin/python3 --isolation ISOLATION -w 2 -- PYTEST_ARGS` in the suite. */
    Salvo.Result salvo(Map<String, String> env, String isolation, String... pytestArgs) {
        List<String> args = new ArrayList<>(List.of("run", "--python", DEBIAN_PYTHON, "--isolation", isolation, "-w", "2",
                "--store", store(isolation).toString(), "--"));
        args.addAll(List.of(pytestArgs));
        return Salvo.run(path, env, args.toArray(String[]::new));
    }

    /** Node id -> outcome of the last {@link #salvo} run in that mode. */
    Map<String, String> salvoOutcomes(String isolation) throws IOException {
        Map<String, String> outcomes = new TreeMap<>();
        for (JsonNode unit : JSON.readTree(store(isolation).resolve("last_run.json").toFile()).path("units")) {
            unit.path("tests").forEach(t -> outcomes.put(t.path("id").asText(), t.path("outcome").asText()));
        }
        return outcomes;
    }

    private Path store(String isolation) {
        return dir.resolve("store-" + isolation);
    }
}
