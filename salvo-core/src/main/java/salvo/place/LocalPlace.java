package salvo.place;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import salvo.worker.LocalTransport;
import salvo.worker.Transport;

/** A {@code popen} environment: workers on this machine, in the run's own directories. */
final class LocalPlace implements Place {
    private static final Transport LOCAL = new LocalTransport();
    private final TxSpec spec;
    private final Path root;

    LocalPlace(TxSpec spec, Path root) {
        this.spec = spec;
        this.root = root;
    }

    @Override
    public TxSpec spec() {
        return spec;
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public Transport transport() {
        return LOCAL;
    }

    @Override
    public Path directory(Path local) {
        return local;
    }

    @Override
    public Ready ready(Path bundle, String program) throws IOException {
        ProcessBuilder check = new ProcessBuilder("sh", "-c", "command -v " + ShellLine.quote(program)).directory(root.toFile());
        SshHost.Result r = SshHost.run(check, null);
        return new Ready(bundle, r.exitCode() == 0 ? Optional.empty()
                : Optional.of("'" + program + "' is not found on this machine (PATH, or relative to " + root + ")"));
    }
}
