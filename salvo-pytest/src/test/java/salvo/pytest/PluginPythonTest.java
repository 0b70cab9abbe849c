package salvo.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python plugin's own tests (src/test/python, real pytest processes speaking the
 * worker protocol) so that `mvn verify` covers the Python side too. Skipped where python3 or
 * pytest is missing.
 */
class PluginPythonTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final long MINUTES = 10;

    @TempDir
    Path temp;

    @Test
    void pluginTestsPass() throws IOException, InterruptedException {
        assumeTrue(succeeds(List.of("python3", "-c", "import pytest")), "python3 with pytest is not available here");
        Path output = temp.resolve("pytest-output.txt");
        Process process = python(List.of("python3", "-m", "pytest", "src/test/python", "-q", "-p", "no:cacheprovider",
                "--basetemp=" + temp.resolve("basetemp")))
                .redirectOutput(output.toFile())
                .start();
        boolean ended = process.waitFor(MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "the plugin's tests did not finish in " + MINUTES + " minutes:\n" + text);
        assertEquals(0, process.exitValue(), "the plugin's tests failed:\n" + text);
    }

    @Test
    void everyModuleOfThePluginShipsInTheJar() throws IOException {
        Path shipped = PythonPlugin.install().resolve("salvo_pytest");
        try (Stream<Path> sources = Files.list(MODULE.resolve("src/main/python/salvo_pytest"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".py")).toList()) {
                Path copy = shipped.resolve(source.getFileName().toString());
                assertTrue(Files.isRegularFile(copy), source.getFileName() + " is missing from PythonPlugin.FILES");
                assertEquals(Files.readString(source), Files.readString(copy), source.getFileName() + " differs");
            }
        }
    }

    private static ProcessBuilder python(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", MODULE.resolve("src/main/python").toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1");
        builder.environment().remove("PYTEST_ADDOPTS");
        builder.environment().remove("SALVO_CHANNEL");
        return builder;
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = python(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
