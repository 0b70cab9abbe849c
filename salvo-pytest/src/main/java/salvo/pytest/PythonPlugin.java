package salvo.pytest;

import java.nio.file.Path;
import java.util.List;
import salvo.bundle.BundledPython;

/**
 * Salvo's pytest plugin ships inside the jar; {@link BundledPython} unpacks it once per version
 * into a cache directory that goes on PYTHONPATH.
 */
public final class PythonPlugin {
    private static final List<String> FILES = List.of("__init__.py", "channel.py", "classify.py", "collection.py",
            "coverage_data.py", "directories.py", "django_compat.py", "fixtures.py", "groups.py", "local_state.py", "once.py",
            "plugin.py", "plugin_failure.py", "shared.py", "warning_tally.py", "worker.py", "xdist_compat.py");

    private PythonPlugin() {}

    /** The directory to put on PYTHONPATH. */
    public static Path install() {
        return BundledPython.install(PythonPlugin.class, "salvo_pytest", "salvo_pytest", FILES);
    }
}
