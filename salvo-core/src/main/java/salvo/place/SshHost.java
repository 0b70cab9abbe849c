package salvo.place;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import salvo.worker.ExitStatus;

/**
 * One host reached through the system's {@code ssh}: the user's keys, known_hosts and config,
 * never a password prompt (BatchMode), and one connection shared by every worker and command
 * for the host (a ControlMaster whose socket lives in a private temporary directory). Keepalives
 * notice a host that went away within seconds, so its workers end as lost rather than hang.
 */
public final class SshHost implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** How long the shared connection outlives its last user if Salvo itself dies: no ssh is left behind for good. */
    private static final int PERSIST_SECONDS = 10;

    private final String destination;
    private final Optional<String> config;
    private final Path controlDir;
    private boolean closed;

    private SshHost(String destination, Optional<String> config, Path controlDir) {
        this.destination = destination;
        this.config = config;
        this.controlDir = controlDir;
    }

    /** A connected host and what the first command there said. */
    public record Connected(SshHost host, Result first) {}

    /**
     * Opens the shared connection, running {@code firstCommand} on it (a login there costs a
     * round trip and a shell: the first one does useful work), or explains in one line why it
     * cannot connect (an unknown host, a key that does not match known_hosts, a login that needs
     * a password).
     */
    public static Connected connect(String destination, Optional<String> config, String firstCommand) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "salvo-ssh-"); // short: a socket path has ~100 bytes
        SshHost host = new SshHost(destination, config, dir);
        try {
            return new Connected(host, host.startMaster(firstCommand));
        } catch (IOException | RuntimeException e) {
            host.close(); // nothing of a failed connection is left: not its master, not its directory
            throw e;
        }
    }

    /** Runs the first command with ControlMaster=auto, which leaves the shared connection up behind it. */
    private Result startMaster(String firstCommand) throws IOException {
        // The master lives on in the background; the first command's output goes to files, not
        // pipes, since the master keeps whatever it inherited open for as long as it lives.
        List<String> command = command(firstCommand);
        command.addAll(1, List.of("-o", "ControlMaster=auto", "-o", "ControlPersist=" + PERSIST_SECONDS));
        Path log = controlDir.resolve("connect.log");
        Path out = controlDir.resolve("connect.out");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("no answer within " + COMMAND_TIMEOUT.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting");
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        Result first = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), err);
        Files.deleteIfExists(log);
        Files.deleteIfExists(out);
        if (p.exitValue() != 0 && (p.exitValue() == ExitStatus.HOST_LOST || !isConnected())) {
            String why = lastLine(err);
            throw new IOException(why.isEmpty() ? "ssh exited with code " + p.exitValue() : why);
        }
        return first;
    }

    /** Whether the shared connection is up (ssh -O check). */
    private boolean isConnected() throws IOException {
        List<String> check = sshWithOptions();
        check.addAll(List.of("-O", "check", destination));
        return run(new ProcessBuilder(check), null).exitCode() == 0;
    }

    public String destination() {
        return destination;
    }

    /** The ssh options every use of this host shares, for ssh itself and for rsync's {@code -e}. */
    List<String> sshWithOptions() {
        List<String> ssh = new ArrayList<>(List.of("ssh"));
        config.ifPresent(c -> ssh.addAll(List.of("-F", c)));
        ssh.addAll(List.of("-o", "BatchMode=yes", "-o", "ControlPath=" + controlDir.resolve("cm"),
                "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=3", "-T"));
        return ssh;
    }

    /** The local command that runs {@code shellLine} there (in the login directory) over the shared connection. */
    public List<String> command(String shellLine) {
        List<String> command = sshWithOptions();
        command.add("--");
        command.add(destination);
        command.add(shellLine);
        return command;
    }

    /** The outcome of a short command there. */
    public record Result(int exitCode, String out, String err) {
        public String reason() {
            String line = lastLine(err);
            return line.isEmpty() ? "exited with code " + exitCode : line;
        }
    }

    /** Runs a short command there, feeding it {@code input} (may be null), and waits for it. */
    public Result run(String shellLine, InputStream input) throws IOException {
        return run(new ProcessBuilder(command(shellLine)), input);
    }

    static Result run(ProcessBuilder builder, InputStream input) throws IOException {
        Process p = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = drain(p.getInputStream(), out);
        Thread errReader = drain(p.getErrorStream(), err);
        try (OutputStream stdin = p.getOutputStream()) {
            if (input != null) {
                input.transferTo(stdin);
            }
        } catch (IOException closedEarly) {
            // The command did not want all of it (it had what it needed): its exit status says how it went.
        }
        try {
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("no answer within " + COMMAND_TIMEOUT.toSeconds() + "s");
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream into) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(into);
            } catch (IOException ignored) {
                // The process is gone: what arrived is what there is.
            }
        }, "salvo-ssh-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("Warning: Permanently added")) {
                return line;
            }
        }
        return "";
    }

    /**
     * Ends the shared connection and removes its socket's directory. A second caller (Ctrl-C's
     * hook, while the run closes it) waits until it is done, so the process never halts midway.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            List<String> exit = sshWithOptions();
            exit.addAll(List.of("-O", "exit", destination));
            Process p = new ProcessBuilder(exit).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No master to end.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        salvo.execute.ScratchDirectory.deleteTree(controlDir);
    }
}
