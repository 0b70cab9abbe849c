package salvo.place;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import salvo.bundle.BundledPython;
import salvo.worker.Transport;

/**
 * An {@code ssh=} environment: workers on another host, in {@code remoteRoot}, the directory
 * that stands for the run's root there (the chdir, the rsync target, or the same path).
 */
final class SshPlace implements Place {
    private static final String MISSING = "salvo:missing-program";
    private final TxSpec spec;
    private final SshHost host;
    private final Path localRoot;
    private final Path remoteRoot;
    private final Transport transport;

    SshPlace(TxSpec spec, SshHost host, Path localRoot, Path remoteRoot) {
        this.spec = spec;
        this.host = host;
        this.localRoot = localRoot;
        this.remoteRoot = remoteRoot;
        this.transport = new SshTransport(host);
    }

    @Override
    public TxSpec spec() {
        return spec;
    }

    /** The directory that stands for the run's root there. */
    Path root() {
        return remoteRoot;
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Path directory(Path local) {
        return local.startsWith(localRoot) ? remoteRoot.resolve(localRoot.relativize(local)) : local;
    }

    @Override
    public Ready ready(Path bundle, String program) throws IOException {
        String line = readyLine(bundle.getFileName().toString(), remoteRoot, program);
        Process tar = new ProcessBuilder("tar", "-C", bundle.toString(), "-cf", "-", ".")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        SshHost.Result r;
        try {
            r = host.run(line, tar.getInputStream());
        } finally {
            tar.destroy();
        }
        List<String> said = r.out().strip().lines().toList();
        if (r.exitCode() != 0 || said.isEmpty()) {
            throw new IOException("could not copy Salvo's worker files to " + host.destination() + ": " + r.reason());
        }
        Optional<String> missing = said.contains(MISSING)
                ? Optional.of("'" + program + "' is not found on " + host.destination() + " (PATH, or relative to "
                + remoteRoot + ")") : Optional.empty();
        return new Ready(Path.of(said.get(0)), missing);
    }

    /**
     * The remote shell line that puts Salvo's Python package there and says where: unpacked
     * beside, then renamed, so a second run staging at the same time never sees half a copy;
     * touched on every use, as a local copy is. Unpacking a new version removes the copies no run
     * touched for {@link BundledPython#UNUSED_FOR}, as {@code BundledPython} does here: each is
     * renamed aside first, so of two Salvos tidying at once only one takes it.
     */
    static String readyLine(String bundleName, Path remoteRoot, String program) {
        String tidy = "for c in \"${d%/*}\"/* \"${d%/*}\"/.[!.]*; do [ -d \"$c\" ] && [ \"$c\" != \"$d\" ]"
                + " && [ -n \"$(find \"$c\" -maxdepth 0 -mmin +" + BundledPython.UNUSED_FOR.toMinutes() + ")\" ]"
                + " && a=\"${c%/*}/.removing-${c##*/}-$$\" && mv -T \"$c\" \"$a\" 2>/dev/null && rm -rf \"$a\"; done";
        return "d=\"$HOME\"/.cache/salvo/python/" + ShellLine.quote(bundleName) + "; if [ ! -d \"$d\" ]; then"
                + " t=\"$d.part.$$\"; mkdir -p \"$t\" && tar -x -C \"$t\" && { mv -T \"$t\" \"$d\" 2>/dev/null || rm -rf \"$t\"; }"
                + " && { " + tidy + "; }; fi; touch -c \"$d\"; [ -d \"$d\" ] && echo \"$d\""
                + " && cd " + ShellLine.quote(remoteRoot.toString()) + " && { command -v " + ShellLine.quote(program)
                + " >/dev/null || echo " + MISSING + "; }";
    }
}
