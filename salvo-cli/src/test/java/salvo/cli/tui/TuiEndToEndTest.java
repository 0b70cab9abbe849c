package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.cli.Tmux;

/**
 * {@code salvo run --tui} in a real terminal: tmux gives the JVM a pty of a fixed size, keys are
 * typed with send-keys and the screen is read back with capture-pane. The suite is a copy of
 * examples/pytest-dashboard: sleeping tests and one failure.
 */
class TuiEndToEndTest {
    private static final Path SUITE = Path.of("..", "examples", "pytest-dashboard");

    @TempDir
    Path work;

    @Test
    void dashboardShowsWorkersFiltersFailuresStopsOnQAndGivesTheTerminalBack() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed at " + Tmux.TMUX);
        assumeTrue(succeeds("python3", "-c", "import pytest"), "python3 with pytest is not available");
        Path suite = copySuite();
        Path launcher = Tmux.writeLauncher(suite);
        try (Tmux tmux = new Tmux(suite, 110, 32)) {
            tmux.typeLine(launcher + " run --tui -w 2; echo \"exit=$?\"");

            String dashboard = tmux.awaitPane(p -> p.contains(" gw1 ") && p.contains(" gw2 "), "both worker rows");
            assertEquals("1", tmux.alternateOn(), "the dashboard is on the alternate screen:\n" + dashboard);
            assertTrue(java.util.regex.Pattern.compile("\\d+/~?\\d+ tests \\(\\d+/\\d+ files\\) +\\d+%").matcher(dashboard).find(),
                    "the progress counts tests and files:\n" + dashboard);

            tmux.awaitPane(p -> p.contains("FAILED  tests/test_payments.py::test_refund_rounding"), "the failure listed");
            tmux.type("f");
            String failuresOnly = tmux.awaitPane(p -> p.contains("f: overview"), "the failures-only view");
            assertTrue(failuresOnly.contains("test_refund_rounding"), failuresOnly);
            assertFalse(failuresOnly.contains("Workers"), failuresOnly);
            assertFalse(failuresOnly.contains("test_charge_card"), "a passed test is not listed:\n" + failuresOnly);

            tmux.type("q");
            String after = tmux.awaitExit();
            assertTrue(after.lines().anyMatch("exit=2"::equals), "stopped by q, so interrupted:\n" + after);
            assertTrue(after.contains("FAILED   tests/test_payments.py::test_refund_rounding"),
                    "the failure summary is on the normal screen:\n" + after);
            assertTrue(Files.isRegularFile(suite.resolve(".salvo/last_run.json")), "the partial run was stored");

            tmux.assertTerminalRestored();
        }
    }

    private Path copySuite() throws IOException {
        Path target = work.resolve("suite");
        try (Stream<Path> files = Files.walk(SUITE)) {
            for (Path from : files.filter(f -> !f.toString().contains("__pycache__")).toList()) {
                Path to = target.resolve(SUITE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return target;
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
