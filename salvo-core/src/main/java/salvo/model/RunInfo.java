package salvo.model;

import java.time.Instant;
import java.util.Map;

/**
 * What identifies a run before it has results.
 *
 * @param id      unique across stores and hosts (a UUID): every event of the run carries it
 * @param label   a sortable timestamp label, e.g. 20261123_101502_123, used in archive names
 * @param config  the effective options, for audit
 */
public record RunInfo(String id, String label, Instant started, String host, String gitCommit, String rootDir,
                      Map<String, String> config) {
    public RunInfo {
        java.util.Objects.requireNonNull(id, "id");
        config = Map.copyOf(config);
        gitCommit = gitCommit == null ? "" : gitCommit;
    }
}
