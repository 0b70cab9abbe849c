package salvo.place;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import salvo.error.SalvoError;
import salvo.serve.ServeAddress;
import salvo.serve.ServedWorkers;

/**
 * The environments of one run, opened: each ssh host connected once, its copy of the code
 * made, its setup command run, before any worker starts. Every failure is one line naming the
 * environment, and nothing opened so far is left behind. Closing ends the connections.
 */
public final class Places implements AutoCloseable {
    private static final Places NONE = new Places(List.of(), List.of(), Optional.empty());

    private final List<Place> places;
    private final List<SshHost> hosts;
    private final Optional<ServedWorkers> served;

    private Places(List<Place> places, List<SshHost> hosts, Optional<ServedWorkers> served) {
        this.places = List.copyOf(places);
        this.hosts = List.copyOf(hosts);
        this.served = served;
    }

    /** Where workers that join the run come in ({@code --serve}), if it serves them. */
    public Optional<ServedWorkers> served() {
        return served;
    }

    /** No --tx: workers on this machine, placed by each adapter as always. */
    public static Places none() {
        return NONE;
    }

    public boolean isLocal() {
        return places.isEmpty();
    }

    public List<Place> all() {
        return places;
    }

    /** Opens every environment of {@code placement} for a run rooted at {@code root}; {@code log} hears what was copied. */
    public static Places open(Placement placement, Path root, Path cwd, Consumer<String> log) {
        if (placement.isLocal() && placement.serve().isEmpty()) {
            return NONE;
        }
        Map<String, SshHost> hosts = new LinkedHashMap<>();
        List<Place> places = new ArrayList<>();
        Set<String> copied = new LinkedHashSet<>();
        Set<String> setUp = new LinkedHashSet<>();
        try {
            for (TxSpec spec : placement.environments()) {
                if (spec.kind() == TxSpec.Kind.POPEN) {
                    places.add(new LocalPlace(spec, root));
                    continue;
                }
                String key = spec.destination() + "\0" + spec.sshConfig().orElse("");
                SshHost host = hosts.get(key);
                if (host == null) {
                    host = connect(spec);
                    hosts.put(key, host);
                }
                Path remoteRoot = remoteRoot(spec, host, placement, root);
                if (copied.add(key + "\0" + remoteRoot)) {
                    copy(spec, host, placement, root, cwd, remoteRoot, log);
                }
                if (placement.remoteSetup().isPresent() && setUp.add(key)) {
                    setUp(spec, host, remoteRoot, placement.remoteSetup().get(), log);
                }
                places.add(new SshPlace(spec, host, root, remoteRoot));
            }
            return new Places(places, new ArrayList<>(hosts.values()), serve(placement, log));
        } catch (RuntimeException e) {
            hosts.values().forEach(SshHost::close);
            throw e;
        }
    }

    /** Opens the door for joining workers and says, in one line, where the token file is and how to join. */
    private static Optional<ServedWorkers> serve(Placement placement, Consumer<String> log) {
        if (placement.serve().isEmpty()) {
            return Optional.empty();
        }
        Placement.Serve serve = placement.serve().get();
        try {
            ServedWorkers served = ServedWorkers.open(serve.address(), serve.tokenFile(), log);
            log.accept("serving this run on " + served.address() + " (TLS); join it with: salvo worker --connect "
                    + served.address() + " --token-file " + served.tokenFile() + " (the file is secret: mode 0600)");
            return Optional.of(served);
        } catch (IOException e) {
            throw SalvoError.usage("--serve " + ServeAddress.join(serve.address().host(), serve.address().port())
                    + ": cannot serve there: " + e.getMessage());
        }
    }

    private static SshHost connect(TxSpec spec) {
        try {
            return SshHost.connect(spec.destination(), spec.sshConfig());
        } catch (IOException e) {
            throw failed(spec, "cannot connect: " + e.getMessage() + "; check the host name, its key in known_hosts, "
                    + "and that ssh logs in without a password (BatchMode)");
        }
    }

    /**
     * The directory standing for the run's root there: chdir= (relative to the login directory),
     * else, when code is copied, a cache directory for this checkout, else the same path as here
     * (a shared or identical checkout).
     */
    private static Path remoteRoot(TxSpec spec, SshHost host, Placement placement, Path root) {
        String dir = spec.chdir().map(ShellLine::quote).orElse(placement.rsyncDirs().isEmpty()
                ? ShellLine.quote(root.toString()) : "\"$HOME\"/.cache/salvo/checkouts/" + checkoutName(root));
        boolean create = spec.chdir().isPresent() || !placement.rsyncDirs().isEmpty();
        try {
            SshHost.Result r = host.run((create ? "mkdir -p " + dir + " && " : "") + "cd " + dir + " && pwd", null);
            if (r.exitCode() != 0) {
                throw failed(spec, (create ? "cannot create the directory " : "no directory ") + dir.replace("\"$HOME\"", "~")
                        + " there: " + r.reason() + (create ? "" : "; give chdir=DIR, or copy the code with --rsyncdir"));
            }
            return Path.of(r.out().strip());
        } catch (IOException e) {
            throw failed(spec, e.getMessage());
        }
    }

    private static void copy(TxSpec spec, SshHost host, Placement placement, Path root, Path cwd, Path remoteRoot,
                             Consumer<String> log) {
        for (Path asked : placement.rsyncDirs()) {
            Path local = cwd.resolve(asked).toAbsolutePath().normalize();
            if (!local.startsWith(root)) {
                throw SalvoError.usage("--rsyncdir " + asked + ": not under the run's root " + root
                        + ", whose paths the workers use; copy the root or a directory in it");
            }
            if (!local.toFile().isDirectory()) {
                throw SalvoError.usage("--rsyncdir " + asked + ": no such directory");
            }
            Path there = remoteRoot.resolve(root.relativize(local));
            try {
                Rsync.Copied c = Rsync.copy(host, local, there.toString(), placement.rsyncIgnores());
                String name = root.equals(local) ? "." : root.relativize(local).toString();
                log.accept("rsync " + name + "/ -> " + spec.host() + ":" + there + ": " + c.summary()
                        + " copied (dependencies are not: install them there, or use --remote-setup)");
            } catch (IOException e) {
                throw failed(spec, e.getMessage());
            }
        }
    }

    private static void setUp(TxSpec spec, SshHost host, Path remoteRoot, String command, Consumer<String> log) {
        try {
            SshHost.Result r = host.run("cd " + ShellLine.quote(remoteRoot.toString()) + " && " + command, null);
            if (r.exitCode() != 0) {
                throw failed(spec, "--remote-setup '" + command + "' failed there (exit " + r.exitCode() + "): "
                        + r.reason());
            }
            log.accept("remote setup on " + spec.host() + ": '" + command + "' done");
        } catch (IOException e) {
            throw failed(spec, "--remote-setup: " + e.getMessage());
        }
    }

    private static SalvoError failed(TxSpec spec, String why) {
        return SalvoError.usage("--tx " + spec.text() + ": " + why);
    }

    private static String checkoutName(Path root) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(root.toString().getBytes(StandardCharsets.UTF_8));
            String name = root.getFileName() == null ? "root" : root.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return name + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        served.ifPresent(ServedWorkers::close);
        hosts.forEach(SshHost::close);
    }
}
