package salvo.sequence;

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
import salvo.sequence.python.HelperPackage;

/**
 * Runs the helper's own Python tests (src/test/python, a fake engine on a real socket) so that
 * `mvn verify` covers the Python side too, and checks that every module ships in the jar.
 */
class HelperPythonTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void helperTestsPass() throws IOException, InterruptedException {
        assumeTrue(succeeds(List.of("python3", "-c", "import pytest, jinja2")), "python3 with pytest and jinja2 is not here");
        Path output = temp.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "pytest", "src/test/python", "-q", "-p", "no:cacheprovider",
                "--basetemp=" + temp.resolve("basetemp")).directory(MODULE.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1");
        pb.environment().remove("PYTEST_ADDOPTS");
        Process p = pb.start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "the helper's tests did not finish:\n" + text);
        assertEquals(0, p.exitValue(), "the helper's tests failed:\n" + text);
    }

    @Test
    void everyModuleOfTheHelperShipsInTheJar() throws IOException {
        Path shipped = HelperPackage.install().resolve("salvo_sequence");
        try (Stream<Path> sources = Files.list(MODULE.resolve("src/main/python/salvo_sequence"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".py")).toList()) {
                Path copy = shipped.resolve(source.getFileName().toString());
                assertTrue(Files.isRegularFile(copy), source.getFileName() + " is missing from HelperPackage.FILES");
                assertEquals(Files.readString(source), Files.readString(copy), source.getFileName() + " differs");
            }
        }
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
