package salvo.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.adapter.Adapter;

/**
 * Which of the paths the user typed go to which adapter: a path an adapter claims by name (a
 * command's name) goes to the adapters that claim it only; every other path goes to every
 * adapter, and each finds in it what is its own. Pure.
 */
final class PathRouting {
    private PathRouting() {}

    /**
     * @return for each adapter, its paths; an adapter absent from the map gets none of the paths
     *         the user named and should not look (when the user named none, every adapter looks)
     */
    static Map<Adapter, List<String>> route(List<Adapter> adapters, java.nio.file.Path cwd, List<String> paths) {
        Map<Adapter, List<String>> routed = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            adapters.forEach(a -> routed.put(a, List.of()));
            return routed;
        }
        for (String path : paths) {
            List<Adapter> claimers = adapters.stream().filter(a -> a.claims(cwd, path)).toList();
            List<Adapter> takers = claimers.isEmpty() ? adapters : claimers;
            takers.forEach(a -> routed.computeIfAbsent(a, k -> new ArrayList<>()).add(path));
        }
        return routed;
    }
}
