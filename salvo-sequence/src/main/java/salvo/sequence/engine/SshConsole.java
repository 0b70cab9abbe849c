package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import salvo.execute.RunControl;

/**
 * console's ssh protocol (§3.6): the system's ssh in BatchMode (keys, an agent or ssh_config;
 * never a prompt), with a remote pseudo-terminal as a console is, so the remote shell prompts
 * and echoes. Fields: ssh_host and ssh_user, and Salvo's ssh_port, ssh_key (an identity file)
 * and ssh_config (a client configuration file), both relative to the test directory. The open
 * waits for the login: a host that cannot be reached or refuses the key FAILs it with ssh's words.
 */
final class SshConsole {
    /** How long a login may take before the open gives up waiting: ssh's own ConnectTimeout. */
    private static final int CONNECT_SECONDS = 10;

    private SshConsole() {}

    static Connection open(String console, Frame frame, Path testDirectory, RunControl control, Consumer<String> received)
            throws IOException {
        if (!frame.step.has("ssh_host") || !frame.step.has("ssh_user")) {
            throw new IllegalArgumentException("the ssh protocol needs ssh_host and ssh_user");
        }
        if (frame.step.has("ssh_pwd")) {
            throw new IllegalArgumentException("ssh_pwd: Salvo logs in with keys only (ssh in BatchMode); "
                    + "give ssh_key, or a key in the user's agent or ssh_config");
        }
        List<String> command = new ArrayList<>(List.of("ssh", "-tt", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=" + CONNECT_SECONDS, "-o", "ServerAliveInterval=15"));
        if (frame.step.has("ssh_config")) {
            command.addAll(List.of("-F", testDirectory.resolve(frame.expandText(frame.step.field("ssh_config"))).toString()));
        }
        if (frame.step.has("ssh_port")) {
            command.addAll(List.of("-p", frame.expandText(frame.step.field("ssh_port")).strip()));
        }
        if (frame.step.has("ssh_key")) {
            command.addAll(List.of("-i", testDirectory.resolve(frame.expandText(frame.step.field("ssh_key"))).toString(),
                    "-o", "IdentitiesOnly=yes"));
        }
        String target = frame.expandText(frame.step.field("ssh_user")) + "@" + frame.expandText(frame.step.field("ssh_host"));
        // ssh's own words go to a file, so that all the console reads is the remote side's.
        Path said = Files.createTempFile("salvo-ssh-", ".log");
        command.addAll(List.of("-E", said.toString(), "--", target));
        try {
            Connection c = Connection.terminal(console, command, testDirectory, control, received);
            awaitLogin(c, target, said);
            return c;
        } finally {
            Files.deleteIfExists(said);
        }
    }

    /**
     * Until the remote side says something (its banner or prompt) or ssh gives up; a silent
     * shell is taken as logged in once ssh has had its time to connect.
     */
    private static void awaitLogin(Connection c, String target, Path said) throws IOException {
        long deadline = System.nanoTime() + (CONNECT_SECONDS + 2) * 1_000_000_000L;
        while (c.unread().isEmpty() && !c.closed() && System.nanoTime() < deadline) {
            try {
                c.awaitMore(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (c.closed()) {
            c.close();
            String why = Files.readString(said).strip().replace('\n', ' ');
            throw new IOException("ssh to " + target + " ended: " + (why.isEmpty() ? "no reason given" : why));
        }
    }
}
