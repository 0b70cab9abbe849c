package salvo.place;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Copies a directory to a host with the system's {@code rsync}, over that host's shared ssh connection. */
final class Rsync {
    /** What is never worth copying: version control, caches, Salvo's own store. */
    static final List<String> ALWAYS_IGNORED = List.of(".git", ".hg", ".svn", "__pycache__", "*.pyc", ".*_cache",
            ".salvo", ".tox", ".venv");
    private static final Pattern FILES = Pattern.compile("Number of regular files transferred: ([\\d,.]+)");
    private static final Pattern BYTES = Pattern.compile("Total transferred file size: ([\\d,.]+) bytes");

    private Rsync() {}

    /** What one copy did, for the run's log. */
    record Copied(int files, long bytes) {
        String summary() {
            return files + " file" + (files == 1 ? "" : "s") + " (" + (bytes < 10_000 ? bytes + " B" : bytes / 1024 + " KiB")
                    + ")";
        }
    }

    /** The command line: pure, so the tests can read it. */
    static List<String> command(SshHost host, Path from, String to, List<String> ignores) {
        List<String> command = new ArrayList<>(List.of("rsync", "-a", "--delete", "--stats", "-e",
                host.sshWithOptions().stream().map(ShellLine::quote).collect(Collectors.joining(" "))));
        for (String glob : ALWAYS_IGNORED) {
            command.add("--exclude=" + glob);
        }
        for (String glob : ignores) {
            command.add("--exclude=" + glob);
        }
        command.add(from + "/");
        command.add(host.destination() + ":" + to + "/");
        return command;
    }

    static Copied copy(SshHost host, Path from, String to, List<String> ignores) throws IOException {
        SshHost.Result r;
        try {
            r = SshHost.run(new ProcessBuilder(command(host, from, to, ignores)), null);
        } catch (IOException e) {
            throw new IOException("rsync could not run (" + e.getMessage() + "): install rsync on this machine");
        }
        if (r.exitCode() != 0) {
            throw new IOException("rsync of " + from + " failed: " + r.reason()
                    + (r.exitCode() == 127 || r.err().contains("command not found") ? " (is rsync installed there?)" : ""));
        }
        return new Copied((int) number(FILES, r.out()), number(BYTES, r.out()));
    }

    private static long number(Pattern p, String stats) {
        Matcher m = p.matcher(stats);
        return m.find() ? Long.parseLong(m.group(1).replaceAll("[,.]", "")) : 0;
    }
}
