package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo run --tui} in a real terminal: tmux gives the JVM a pty of a fixed size, keys are
 * typed with send-keys and the screen is read back with capture-pane. The suite is a copy of
 * examples/pytest-dashboard: sleeping tests and one failure.
 */
class TuiEndToEndTest {
    private static final Path TMUX = Path.of("/usr/bin/tmux");
    private static final Path SUITE = Path.of("..", "examples", "pytest-dashboard");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A private tmux server, so the test never touches anyone's sessions. */
    private final String socket = "salvo-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @TempDir
    Path work;

    @Test
    void dashboardShowsWorkersFiltersFailuresStopsOnQAndGivesTheTerminalBack() throws Exception {
        assumeTrue(Files.isExecutable(TMUX), "tmux is not installed at " + TMUX);
        assumeTrue(succeeds("python3", "-c", "import pytest"), "python3 with pytest is not available");
        Path suite = copySuite();
        Path launcher = writeLauncher(suite);
        try {
            tmux("new-session", "-d", "-s", "S", "-x", "110", "-y", "32", "-c", suite.toString(),
                    "env PS1='$ ' bash --norc --noprofile --noediting");
            tmux("send-keys", "-t", "S", "-l", launcher + " run --tui -w 2; echo \"exit=$?\"");
            tmux("send-keys", "-t", "S", "Enter");

            String dashboard = awaitPane(p -> p.contains(" gw1 ") && p.contains(" gw2 "), "both worker rows");
            assertEquals("1", alternateOn(), "the dashboard is on the alternate screen:\n" + dashboard);
            assertTrue(dashboard.contains("units"), dashboard);

            awaitPane(p -> p.contains("FAILED  tests/test_payments.py::test_refund_rounding"), "the failure listed");
            tmux("send-keys", "-t", "S", "f");
            String failuresOnly = awaitPane(p -> p.contains("f: overview"), "the failures-only view");
            assertTrue(failuresOnly.contains("test_refund_rounding"), failuresOnly);
            assertFalse(failuresOnly.contains("Workers"), failuresOnly);
            assertFalse(failuresOnly.contains("test_charge_card"), "a passed test is not listed:\n" + failuresOnly);

            tmux("send-keys", "-t", "S", "q");
            // The typed command line contains "exit=" too: wait for the line the shell prints.
            String after = awaitPane(p -> p.lines().anyMatch(l -> l.matches("exit=\\d+")), "salvo to exit");
            assertEquals("0", alternateOn(), "back on the normal screen:\n" + after);
            assertTrue(after.lines().anyMatch("exit=2"::equals), "stopped by q, so interrupted:\n" + after);
            assertTrue(after.contains("FAILED   tests/test_payments.py::test_refund_rounding"),
                    "the failure summary is on the normal screen:\n" + after);
            assertTrue(Files.isRegularFile(suite.resolve(".salvo/last_run.json")), "the partial run was stored");

            tmux("send-keys", "-t", "S", "-l", "echo echo-is-$((40+2)) && stty -a");
            tmux("send-keys", "-t", "S", "Enter");
            String shell = awaitPane(p -> p.contains("echo-is-42"), "the shell to answer");
            assertTrue(shell.contains("$ echo echo-is-$((40+2)) && stty -a"), "typed keys are echoed again:\n" + shell);
            String modes = " " + shell.substring(shell.indexOf("echo-is-42")).replaceAll("\\s+", " ") + " ";
            assertFalse(modes.contains(" -echo "), modes);
            assertFalse(modes.contains(" -icanon "), modes);
            assertFalse(modes.contains(" -isig "), modes);
        } finally {
            tmuxQuietly("kill-session", "-t", "S");
            tmuxQuietly("kill-server");
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

    /** Runs salvo on this test JVM's class path, so the e2e test sees exactly the code under test. */
    private Path writeLauncher(Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String script = "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' salvo.cli.Main \"$@\"\n";
        Path launcher = dir.resolve("salvo.sh");
        Files.writeString(launcher, script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    private String awaitPane(Predicate<String> ready, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String pane = "";
        while (System.nanoTime() < deadline) {
            pane = tmux("capture-pane", "-p", "-t", "S");
            if (ready.test(pane)) {
                return pane;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; the pane shows:\n" + pane);
    }

    private String alternateOn() throws Exception {
        return tmux("display", "-p", "-t", "S", "#{alternate_on}").strip();
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(TMUX.toString(), "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    private void tmuxQuietly(String... args) {
        try {
            tmux(args);
        } catch (Exception | AssertionError ignored) {
            // Already gone.
        }
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
