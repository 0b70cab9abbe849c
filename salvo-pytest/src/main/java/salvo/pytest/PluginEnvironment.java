package salvo.pytest;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment that makes a pytest process load Salvo's plugin. */
final class PluginEnvironment {
    private PluginEnvironment() {}

    /** The plugin first on the user's own PYTHONPATH, which is kept. */
    static Map<String, String> of(Path plugin) {
        String existing = System.getenv("PYTHONPATH");
        return Map.of("PYTHONPATH", existing == null || existing.isEmpty() ? plugin.toString()
                : plugin + File.pathSeparator + existing);
    }

    /**
     * The same for a distributed run: how many workers it has and its one id, from which the
     * plugin gives tests xdist's conventions (worker_id, PYTEST_XDIST_*); each worker's own
     * slot comes from its transport.
     */
    static Map<String, String> distributed(Path plugin, int workers, String testrunUid) {
        return withRun(of(plugin), workers, testrunUid);
    }

    /** The same on another host, where this machine's PYTHONPATH means nothing: the plugin's copy there alone. */
    static Map<String, String> elsewhere(Path pluginThere, int workers, String testrunUid) {
        return withRun(Map.of("PYTHONPATH", pluginThere.toString()), workers, testrunUid);
    }

    private static Map<String, String> withRun(Map<String, String> base, int workers, String testrunUid) {
        Map<String, String> env = new HashMap<>(base);
        env.put("SALVO_WORKER_COUNT", String.valueOf(workers));
        env.put("SALVO_TESTRUN_UID", testrunUid);
        return env;
    }
}
