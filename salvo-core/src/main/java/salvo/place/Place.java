package salvo.place;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import salvo.worker.Transport;

/**
 * Where workers of a run can be started: this machine ({@code popen}) or an ssh host, each
 * with the {@code --tx} spec that named it. An adapter asks it how its local paths are named
 * there, stages its own files there, and launches workers through its transport.
 */
public interface Place {
    TxSpec spec();

    /** Whether its workers run on another machine (what a lost connection means depends on it). */
    boolean isRemote();

    Transport transport();

    /** The host its workers are labelled with: empty for this machine. */
    default String host() {
        return spec().host();
    }

    /** How a local path under the run's root is named there. */
    Path directory(Path local);

    /**
     * Makes a worker's needs ready there in one go (each step elsewhere is a round trip): copies
     * a directory of Salvo's own there, once per content (its name is a hash of it), and checks
     * that {@code program} can be run there (in the run's root).
     */
    Ready ready(Path bundle, String program) throws IOException;

    /**
     * @param bundle  where the bundle is there (the local directory itself on this machine)
     * @param missing why the program cannot be run there, if it cannot
     */
    record Ready(Path bundle, Optional<String> missing) {}
}
