package salvo.pytest;

import java.io.File;
import java.nio.file.Path;
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
}
