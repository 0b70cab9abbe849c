package salvo.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that writes a RUNNING run, so a later Salvo can tell that it died. A pid alone is
 * not enough (pids are reused), so its start time goes with it; and a pid means nothing on
 * another host, so the host goes with both.
 *
 * @param started null when the OS does not tell a process's start time
 */
record Owner(long pid, Instant started, String host) {
    private static final String LOCAL_HOST = localHost();

    static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(self.pid(), self.info().startInstant().orElse(null), LOCAL_HOST);
    }

    /**
     * True only when this Salvo can be sure the owner is gone: it ran on this host, and its pid is
     * free or now names a process started at another time. An owner on another host, or one that
     * cannot be checked, is assumed alive: a live run must never be marked INCOMPLETE.
     */
    boolean isGone() {
        if (host == null || host.isEmpty() || !host.equals(LOCAL_HOST)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return started != null && start.isPresent() && !start.get().equals(started);
    }

    // /etc/hostname before the HOSTNAME variable: shells set that one without always exporting
    // it, so two Salvos on one host could disagree. Not InetAddress: it may wait on DNS.
    private static String localHost() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException | SecurityException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "" : env.strip();
        }
    }
}
