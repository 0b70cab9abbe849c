package salvo.place;

import java.nio.file.Path;
import java.util.Optional;
import salvo.serve.SocketTransport;
import salvo.worker.Transport;

/**
 * A {@code socket=} environment: a {@code salvo worker --listen} on some machine, which runs
 * its own Salvo, interpreter and checkout. Nothing is staged there and no path is mapped: it is
 * told the run's settings and names its tests by its own rootdir, as a joining worker does.
 */
final class SocketPlace implements Place {
    private final TxSpec spec;
    private final Transport transport;

    SocketPlace(TxSpec spec, SocketTransport transport) {
        this.spec = spec;
        this.transport = transport;
    }

    @Override
    public TxSpec spec() {
        return spec;
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
        return local;
    }

    /** Its worker brings its own plugin and interpreter, and says so itself if they are missing. */
    @Override
    public Ready ready(Path bundle, String program) {
        return new Ready(bundle, Optional.empty());
    }
}
