package salvo.cli;

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

/**
 * A real terminal for end-to-end tests: a private tmux server (so a test never touches anyone's
 * sessions) with one session of a fixed size. Keys are typed with send-keys, the screen is read
 * back with capture-pane, and waits poll the screen for what is expected, until a deadline.
 */
public final class Tmux implements AutoCloseable {
    public static final Path TMUX = Path.of("/usr/bin/tmux");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String socket = "salvo-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    public static boolean installed() {
        return Files.isExecutable(TMUX);
    }

    /** Starts session S in {@code dir}: a plain bash with the prompt "$ ". */
    public Tmux(Path dir, int columns, int rows) throws Exception {
        tmux("new-session", "-d", "-s", "S", "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-c",
                dir.toString(), "env PS1='$ ' bash --norc --noprofile --noediting");
    }

    /** Types a command line and Enter. */
    public void typeLine(String line) throws Exception {
        type(line);
        tmux("send-keys", "-t", "S", "Enter");
    }

    /** Types text literally (no key names). */
    public void type(String text) throws Exception {
        tmux("send-keys", "-t", "S", "-l", text);
    }

    /** Presses keys by tmux's names (Enter, Escape, C-c, Up, Space). */
    public void press(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "S"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    public String pane() throws Exception {
        return tmux("capture-pane", "-p", "-t", "S");
    }

    public String awaitPane(Predicate<String> ready, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String pane = "";
        while (System.nanoTime() < deadline) {
            pane = pane();
            if (ready.test(pane)) {
                return pane;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; the pane shows:\n" + pane);
    }

    /** "1" while the alternate screen is on, "0" on the normal screen. */
    public String alternateOn() throws Exception {
        return tmux("display", "-p", "-t", "S", "#{alternate_on}").strip();
    }

    /**
     * Waits for the line {@code exit=N} that a command line ending in {@code ; echo "exit=$?"} prints
     * (the typed line contains "exit=" too) and checks the normal screen is back; returns the pane.
     */
    public String awaitExit() throws Exception {
        String after = awaitPane(p -> p.lines().anyMatch(l -> l.matches("exit=\\d+")), "the program to exit");
        if (!alternateOn().equals("0")) {
            throw new AssertionError("still on the alternate screen after the exit:\n" + after);
        }
        return after;
    }

    /** The shell answers, echoes what is typed, and the line discipline is cooked again (echo, icanon, isig). */
    public void assertTerminalRestored() throws Exception {
        typeLine("echo shell-is-$((40+2)) && stty -a");
        String shell = awaitPane(p -> p.contains("shell-is-42"), "the shell to answer");
        if (!shell.contains("$ echo shell-is-$((40+2)) && stty -a")) {
            throw new AssertionError("typed keys are not echoed:\n" + shell);
        }
        String modes = " " + shell.substring(shell.indexOf("shell-is-42")).replaceAll("\\s+", " ") + " ";
        for (String off : List.of(" -echo ", " -icanon ", " -isig ")) {
            if (modes.contains(off)) {
                throw new AssertionError("the terminal is left with" + off + ":" + modes);
            }
        }
    }

    /** A launcher that runs salvo on this test JVM's class path, so the test sees exactly the code under test. */
    public static Path writeLauncher(Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String script = "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' salvo.cli.Main \"$@\"\n";
        Path launcher = dir.resolve("salvo.sh");
        Files.writeString(launcher, script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
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

    /** Ends the session and the private server. */
    @Override
    public void close() {
        for (String[] args : new String[][] {{"kill-session", "-t", "S"}, {"kill-server"}}) {
            try {
                tmux(args);
            } catch (Exception | AssertionError ignored) {
                // Already gone.
            }
        }
    }
}
