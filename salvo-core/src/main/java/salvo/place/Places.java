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
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import salvo.error.SalvoError;
import salvo.execute.Futures;
import salvo.serve.JoinToken;
import salvo.serve.ServeAddress;
import salvo.serve.ServedWorkers;
import salvo.serve.SocketTransport;

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

    /**
     * Opens every environment of {@code placement} for a run rooted at {@code root}; {@code log}
     * hears what was copied. Hosts are opened at once, each on its own thread: every step there
     * costs a round trip and a login shell, and the slowest host alone should set the wait.
     */
    public static Places open(Placement placement, Path root, Path cwd, Consumer<String> log) {
        if (placement.isLocal() && placement.serve().isEmpty()) {
            return NONE;
        }
        Map<String, List<TxSpec>> byHost = new LinkedHashMap<>();
        for (TxSpec spec : placement.environments()) {
            if (spec.kind() == TxSpec.Kind.SSH) {
                byHost.computeIfAbsent(spec.destination() + "\0" + spec.sshConfig().orElse(""), k -> new ArrayList<>())
                        .add(spec);
            }
        }
        Map<String, CompletableFuture<OpenHost>> opening = new LinkedHashMap<>();
        // Threads of their own: the common pool may have a single thread on a small machine.
        java.util.concurrent.ExecutorService threads = salvo.execute.Threads.daemons("salvo-open-host");
        byHost.forEach((key, specs) -> opening.put(key,
                CompletableFuture.supplyAsync(() -> OpenHost.open(specs, placement, root, cwd, log), threads)));
        threads.shutdown();
        List<SshHost> hosts = new ArrayList<>();
        RuntimeException failure = null;
        Map<TxSpec, Place> opened = new java.util.HashMap<>();
        for (CompletableFuture<OpenHost> f : opening.values()) {
            try {
                OpenHost host = Futures.join(f);
                hosts.add(host.host());
                opened.putAll(host.places());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure; // the first environment's, as the user wrote them
            }
        }
        if (failure != null) {
            hosts.forEach(SshHost::close);
            throw failure;
        }
        List<Place> places = new ArrayList<>();
        for (TxSpec spec : placement.environments()) {
            places.add(switch (spec.kind()) {
                case POPEN -> new LocalPlace(spec, root);
                case SSH -> opened.get(spec);
                case SOCKET -> new SocketPlace(spec, new SocketTransport(spec.destination(), token(spec, cwd)));
            });
        }
        try {
            return new Places(places, hosts, serve(placement, log));
        } catch (RuntimeException e) {
            hosts.forEach(SshHost::close);
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

    /** The listening worker's token file, read now: a wrong path is the user's to fix before anything starts. */
    private static JoinToken token(TxSpec spec, Path cwd) {
        Path file = cwd.resolve(spec.tokenFile().orElseThrow());
        try {
            return JoinToken.read(file);
        } catch (IOException e) {
            throw failed(spec, "token_file=" + file + ": cannot read it ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + "); copy the file "
                    + "`salvo worker --listen` wrote there");
        } catch (IllegalArgumentException e) {
            throw failed(spec, "token_file=" + file + ": not a salvo token file: " + e.getMessage());
        }
    }

    /** One ssh host, connected, with a place for each of its environments. */
    private record OpenHost(SshHost host, Map<TxSpec, SshPlace> places) {
        static OpenHost open(List<TxSpec> specs, Placement placement, Path root, Path cwd, Consumer<String> log) {
            TxSpec firstSpec = specs.get(0);
            SshHost.Connected connected = connect(firstSpec, rootLine(firstSpec, placement, root));
            SshHost host = connected.host();
            try {
                Map<TxSpec, SshPlace> places = new LinkedHashMap<>();
                Set<Path> copied = new LinkedHashSet<>();
                for (TxSpec spec : specs) {
                    Path remoteRoot = remoteRoot(spec, placement, root, spec == firstSpec ? connected.first()
                            : ask(spec, host, rootLine(spec, placement, root)));
                    if (copied.add(remoteRoot)) {
                        copy(spec, host, placement, root, cwd, remoteRoot, log);
                    }
                    places.put(spec, new SshPlace(spec, host, root, remoteRoot));
                }
                if (placement.remoteSetup().isPresent()) {
                    TxSpec first = specs.get(0);
                    setUp(first, host, places.get(first).root(), placement.remoteSetup().get(), log);
                }
                return new OpenHost(host, places);
            } catch (RuntimeException e) {
                host.close();
                throw e;
            }
        }
    }

    private static SshHost.Connected connect(TxSpec spec, String firstCommand) {
        try {
            return SshHost.connect(spec.destination(), spec.sshConfig(), firstCommand);
        } catch (IOException e) {
            throw failed(spec, "cannot connect: " + e.getMessage() + "; check the host name, its key in known_hosts, "
                    + "and that ssh logs in without a password (BatchMode)");
        }
    }

    private static SshHost.Result ask(TxSpec spec, SshHost host, String line) {
        try {
            return host.run(line, null);
        } catch (IOException e) {
            throw failed(spec, e.getMessage());
        }
    }

    /**
     * The directory standing for the run's root there: chdir= (relative to the login directory),
     * else, when code is copied, a cache directory for this checkout, else the same path as here
     * (a shared or identical checkout). Created when Salvo puts code there.
     */
    private static String rootDirectory(TxSpec spec, Placement placement, Path root) {
        return spec.chdir().map(ShellLine::quote).orElse(placement.rsyncDirs().isEmpty()
                ? ShellLine.quote(root.toString()) : "\"$HOME\"/.cache/salvo/checkouts/" + checkoutName(root));
    }

    private static boolean createsRoot(TxSpec spec, Placement placement) {
        return spec.chdir().isPresent() || !placement.rsyncDirs().isEmpty();
    }

    /** The command that makes sure of the root there and prints its absolute path. */
    private static String rootLine(TxSpec spec, Placement placement, Path root) {
        String dir = rootDirectory(spec, placement, root);
        return (createsRoot(spec, placement) ? "mkdir -p " + dir + " && " : "") + "cd " + dir + " && pwd";
    }

    private static Path remoteRoot(TxSpec spec, Placement placement, Path root, SshHost.Result answer) {
        if (answer.exitCode() != 0 || answer.out().isBlank()) {
            boolean create = createsRoot(spec, placement);
            throw failed(spec, (create ? "cannot create the directory " : "no directory ")
                    + rootDirectory(spec, placement, root).replace("\"$HOME\"", "~") + " there: " + answer.reason()
                    + (create ? "" : "; give chdir=DIR, or copy the code with --rsyncdir"));
        }
        return Path.of(answer.out().strip());
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
