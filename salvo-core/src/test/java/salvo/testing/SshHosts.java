package salvo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Real hosts on this machine: each a network namespace joined to this one by a veth pair, with
 * its own address and a real sshd (keys made for this fixture, the client checking the host key
 * strictly). Where namespaces cannot be made (no root, no {@code ip}), every host is an sshd on
 * its own loopback port instead, and {@link #namespaced()} says so. Closing stops every process
 * in the hosts and removes the namespaces, links and keys.
 */
public final class SshHosts implements AutoCloseable {
    /** One host: how ssh reaches it. */
    public record Host(String name, String address, int port, String namespace, String link) {}

    private final Path dir;
    private final boolean namespaced;
    private final List<Host> hosts = new ArrayList<>();
    private final List<Process> daemons = new ArrayList<>();
    private final int subnet = ThreadLocalRandom.current().nextInt(1, 250);

    private SshHosts(Path dir, boolean namespaced) {
        this.dir = dir;
        this.namespaced = namespaced;
    }

    /** Whether this machine can run the fixture at all: sshd and ssh are installed. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/sshd")) && run(List.of("sh", "-c", "command -v ssh")) == 0;
    }

    /** Starts {@code count} hosts; their names are h1, h2, ... as the generated ssh_config calls them. */
    public static SshHosts start(int count) throws IOException {
        Path dir = Files.createTempDirectory("salvo-hosts-");
        boolean namespaced = canNamespace();
        SshHosts hosts = new SshHosts(dir, namespaced);
        try {
            keygen(dir.resolve("client"));
            keygen(dir.resolve("hostkey"));
            Files.copy(dir.resolve("client.pub"), dir.resolve("authorized_keys"));
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
            StringBuilder knownHosts = new StringBuilder();
            StringBuilder config = new StringBuilder();
            String hostKey = Files.readString(dir.resolve("hostkey.pub")).strip();
            for (int i = 1; i <= count; i++) {
                Host h = hosts.startHost(i);
                String known = h.port() == 22 ? h.address() : "[" + h.address() + "]:" + h.port();
                knownHosts.append(known).append(' ').append(hostKey, 0, hostKey.lastIndexOf(' ')).append('\n');
                config.append("Host ").append(h.name()).append("\n  HostName ").append(h.address())
                        .append("\n  Port ").append(h.port()).append('\n');
            }
            config.append("Host *\n  User root\n  IdentityFile ").append(dir.resolve("client"))
                    .append("\n  IdentitiesOnly yes\n  UserKnownHostsFile ").append(dir.resolve("known_hosts"))
                    .append("\n  StrictHostKeyChecking yes\n  LogLevel ERROR\n");
            Files.writeString(dir.resolve("known_hosts"), knownHosts);
            Files.writeString(dir.resolve("ssh_config"), config);
            for (Host h : hosts.hosts) {
                hosts.awaitLogin(h);
            }
            return hosts;
        } catch (IOException | RuntimeException e) {
            hosts.close();
            throw e;
        }
    }

    /** The ssh_config that names the hosts, with the client key and the strict known_hosts. */
    public Path sshConfig() {
        return dir.resolve("ssh_config");
    }

    /** The client's private key, which every host accepts (for root). */
    public Path clientKey() {
        return dir.resolve("client");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public boolean namespaced() {
        return namespaced;
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /**
     * The host crashes: its sshd and every session die at once, so every connection drops; what
     * the sessions ran sees its stdin end. Only sshd is killed outright: a login shell killed
     * mid-start-up can leave the login environment's own locks behind (pyenv's rehash lock makes
     * every later login wait a minute).
     */
    public void kill(int index) {
        Host h = hosts.get(index - 1);
        if (namespaced) {
            run(List.of("sh", "-c", "for p in $(ip netns pids " + h.namespace() + "); do "
                    + "[ \"$(cat /proc/$p/comm 2>/dev/null)\" = sshd ] && kill -KILL $p; done"));
        } else {
            daemons.get(index - 1).descendants().filter(SshHosts::isSshd).forEach(ProcessHandle::destroyForcibly);
            daemons.get(index - 1).destroyForcibly();
        }
    }

    private static boolean isSshd(ProcessHandle p) {
        try {
            return java.nio.file.Files.readString(Path.of("/proc", String.valueOf(p.pid()), "comm")).strip().equals("sshd");
        } catch (IOException e) {
            return false; // gone already
        }
    }

    /** Takes the host's link down: nothing arrives any more, nothing is reset (namespaced hosts only). */
    public void unplug(int index) {
        Host h = hosts.get(index - 1);
        run(List.of("ip", "link", "set", "dev", h.link(), "down"));
    }

    private Host startHost(int i) throws IOException {
        String name = "h" + i;
        Host h;
        if (namespaced) {
            String ns = "salvo-" + subnet + "-" + i + "-" + ProcessHandle.current().pid();
            String link = "sv" + subnet + "x" + i;
            String peer = "sv" + subnet + "y" + i;
            String base = "10.213." + subnet + ".";
            String here = base + (i * 4 + 1);
            String there = base + (i * 4 + 2);
            h = new Host(name, there, 22, ns, link);
            hosts.add(h);
            must(List.of("ip", "netns", "add", ns));
            must(List.of("ip", "link", "add", link, "type", "veth", "peer", "name", peer));
            must(List.of("ip", "link", "set", peer, "netns", ns));
            must(List.of("ip", "addr", "add", here + "/30", "dev", link));
            must(List.of("ip", "link", "set", link, "up"));
            must(List.of("ip", "netns", "exec", ns, "ip", "addr", "add", there + "/30", "dev", peer));
            must(List.of("ip", "netns", "exec", ns, "ip", "link", "set", peer, "up"));
            must(List.of("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"));
        } else {
            h = new Host(name, "127.0.0.1", freePort(), "", "");
            hosts.add(h);
        }
        Path config = dir.resolve("sshd_" + name);
        Files.writeString(config, String.join("\n",
                "ListenAddress " + h.address() + ":" + h.port(),
                "HostKey " + dir.resolve("hostkey"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd_" + name + ".pid"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "MaxSessions 64",
                "MaxStartups 64",
                "LogLevel ERROR",
                ""));
        List<String> sshd = new ArrayList<>();
        if (namespaced) {
            sshd.addAll(List.of("ip", "netns", "exec", h.namespace()));
        }
        sshd.addAll(List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
        daemons.add(new ProcessBuilder(sshd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd_" + name + ".log").toFile()).start());
        return h;
    }

    private void awaitLogin(Host h) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (run(List.of("ssh", "-F", sshConfig().toString(), "-o", "BatchMode=yes", h.name(), "true")) == 0) {
                return;
            }
            sleep(100);
        }
        throw new IOException("sshd on " + h.name() + " did not let us in: "
                + Files.readString(dir.resolve("sshd_" + h.name() + ".log")));
    }

    private static boolean canNamespace() {
        String probe = "salvo-probe-" + ProcessHandle.current().pid();
        boolean ok = run(List.of("ip", "netns", "add", probe)) == 0;
        if (ok) {
            run(List.of("ip", "netns", "del", probe));
        }
        return ok;
    }

    private static void keygen(Path key) {
        must(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void must(List<String> command) {
        if (run(command) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static int run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Host h : hosts) {
            if (namespaced) { // everything left in the host: TERM first, so a shell starting up can clean up after itself
                run(List.of("sh", "-c", "ip netns pids " + h.namespace() + " | xargs -r kill -TERM; sleep 0.3; "
                        + "ip netns pids " + h.namespace() + " | xargs -r kill -KILL"));
            }
        }
        for (int i = 1; i <= hosts.size(); i++) {
            kill(i);
        }
        for (Process d : daemons) {
            d.destroyForcibly();
        }
        for (Host h : hosts) {
            if (namespaced) {
                run(List.of("ip", "link", "del", h.link()));
                run(List.of("ip", "netns", "del", h.namespace()));
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
