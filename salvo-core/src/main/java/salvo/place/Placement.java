package salvo.place;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a run's workers go, as the user asked: the {@code --tx} environments (none: this machine,
 * as always), what to copy to remote ones first, what to run once on each host, and where workers
 * that join the run are served ({@code --serve}, with the token file they need). Pure data.
 */
public record Placement(List<TxSpec> environments, List<Path> rsyncDirs, List<String> rsyncIgnores,
                        Optional<String> remoteSetup, Optional<Serve> serve) {
    public static final Placement LOCAL = new Placement(List.of(), List.of(), List.of(), Optional.empty(),
            Optional.empty());

    /** {@code --serve ADDRESS}, and where its token file goes. */
    public record Serve(salvo.serve.ServeAddress address, Path tokenFile) {}

    public Placement(List<TxSpec> environments, List<Path> rsyncDirs, List<String> rsyncIgnores,
                     Optional<String> remoteSetup) {
        this(environments, rsyncDirs, rsyncIgnores, remoteSetup, Optional.empty());
    }

    public Placement {
        environments = List.copyOf(environments);
        rsyncDirs = List.copyOf(rsyncDirs);
        rsyncIgnores = List.copyOf(rsyncIgnores);
    }

    public boolean isLocal() {
        return environments.isEmpty();
    }

    /** How many workers the environments ask for together. */
    public int workers() {
        return environments.stream().mapToInt(TxSpec::count).sum();
    }
}
