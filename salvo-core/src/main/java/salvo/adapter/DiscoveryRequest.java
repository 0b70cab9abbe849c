package salvo.adapter;

import java.nio.file.Path;
import java.util.List;

/**
 * Where to look: the directory salvo was started in, the paths the user named (relative to it;
 * empty for the project's defaults), and what to leave out.
 */
public record DiscoveryRequest(Path cwd, List<String> paths, List<String> excludes) {
    public DiscoveryRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
    }
}
