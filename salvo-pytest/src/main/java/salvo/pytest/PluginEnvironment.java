package salvo.pytest;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/** The environment that makes a pytest process load Salvo's plugin and report on its channel. */
final class PluginEnvironment {
    private PluginEnvironment() {}

    /** Puts the plugin first on the user's own PYTHONPATH (kept) and names the channel. */
    static void apply(Map<String, String> env, Path plugin, String channelSpec) {
        String existing = env.get("PYTHONPATH");
        env.put("PYTHONPATH", existing == null || existing.isEmpty() ? plugin.toString()
                : plugin + File.pathSeparator + existing);
        env.put("SALVO_CHANNEL", channelSpec);
    }
}
