package salvo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import salvo.error.SalvoError;
import salvo.model.RunRecord;
import salvo.store.SqliteStore;
import salvo.store.Store;

/** The --store option of the query commands, and the lookups they share. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = ".salvo", description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** Opens an existing store; a query never creates one. */
    SqliteStore open() {
        Path resolved = dir.toAbsolutePath();
        if (!Files.isRegularFile(resolved.resolve("salvo.db"))) {
            throw SalvoError.usage("no runs stored in " + dir + ": run `salvo run` first (or point --store at another directory)");
        }
        return SqliteStore.open(resolved);
    }

    static RunRecord load(Store store, long id) {
        return store.load(id).orElseThrow(() -> SalvoError.usage("run #" + id + " is not in the store: "
                + "`salvo history` lists the stored runs"));
    }
}
