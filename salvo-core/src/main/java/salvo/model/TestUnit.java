package salvo.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The thing scheduled: a test file, a sequence, a command, a class.
 *
 * @param id      stable identity across runs: the path relative to the project root, with '/'
 * @param path    where the unit lives on disk
 * @param adapter the id of the adapter that runs it
 */
public record TestUnit(String id, Path path, String adapter) {
    public TestUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(adapter, "adapter");
    }
}
