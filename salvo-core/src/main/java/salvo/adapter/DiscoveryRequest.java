package salvo.adapter;

import java.nio.file.Path;
import java.util.List;

/**
 * Where to look: the directory salvo was started in, the paths of the user's that are this
 * adapter's (relative to the cwd), and what to leave out.
 *
 * @param pathsNamed  true when the user named paths at all: then an adapter with none of its own
 *                    finds nothing of its defaults; false means "run the project's defaults"
 * @param passThrough what followed {@code --}: a framework's own options may change what it finds
 */
public record DiscoveryRequest(Path cwd, List<String> paths, List<String> excludes, boolean pathsNamed,
                               List<String> passThrough) {
    public DiscoveryRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        passThrough = List.copyOf(passThrough);
    }

    public DiscoveryRequest(Path cwd, List<String> paths, List<String> excludes, boolean pathsNamed) {
        this(cwd, paths, excludes, pathsNamed, List.of());
    }

    /** True when the user named paths and none of them is this adapter's. */
    public boolean nothingNamedIsOurs() {
        return pathsNamed && paths.isEmpty();
    }
}
