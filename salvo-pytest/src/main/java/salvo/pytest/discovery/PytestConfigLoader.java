package salvo.pytest.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.error.SalvoError;

/**
 * Finds the rootdir and config file the way pytest 9 does, from the common ancestor of the paths
 * given (the start directory): walking up from it, the first directory holding a config file wins
 * (within one directory in {@link ConfigFileKind}'s order). Failing that, the nearest
 * pyproject.toml marks the rootdir even without pytest settings, then the nearest setup.py, and
 * then the common ancestor of the start directory and the invocation directory (pytest's own
 * fallback: {@code pytest tests} from a project without config files has the project as its
 * rootdir, so ids read {@code tests/test_a.py::...}). One step of pytest's is not taken: with
 * paths in several directories, pytest looks for a config file in each of them too.
 */
public final class PytestConfigLoader {
    private PytestConfigLoader() {}

    /**
     * With pytest's {@code -c FILE} (that file, its directory the rootdir) and {@code --rootdir DIR}
     * (forced), as given on pytest's command line; relative to {@code cwd}.
     */
    public static PytestConfig load(Path startDir, Path cwd, Optional<String> configFile, Optional<String> rootdir) {
        PytestConfig found;
        if (configFile.isPresent()) {
            Path file = cwd.resolve(configFile.get()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw SalvoError.usage("pytest's -c " + configFile.get() + ": no such file; give the path of a pytest "
                        + "config file, relative to " + cwd);
            }
            Map<Setting, List<String>> settings = ConfigFileKind.ofGiven(file).read(file).orElse(Map.of());
            found = config(cwd.toAbsolutePath().normalize(), file.getParent(), Optional.of(file), settings);
        } else {
            found = load(startDir, cwd);
        }
        if (rootdir.isEmpty()) {
            return found;
        }
        Path forced = cwd.resolve(rootdir.get()).toAbsolutePath().normalize();
        if (!Files.isDirectory(forced)) {
            throw SalvoError.usage("pytest's --rootdir " + rootdir.get() + ": no such directory; give an existing one");
        }
        return new PytestConfig(found.invocationDir(), forced, found.configFile(), found.pythonFiles(),
                found.testpaths(), found.norecursedirs());
    }

    /** As pytest run with no path, from {@code startDir}. */
    public static PytestConfig load(Path startDir) {
        return load(startDir, startDir);
    }

    /** As pytest run from {@code invocationDir} with paths whose common ancestor is {@code startDir}. */
    public static PytestConfig load(Path startDir, Path invocationDir) {
        Path start = startDir.toAbsolutePath().normalize();
        Path invoked = invocationDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            throw SalvoError.usage("directory '" + startDir + "' does not exist: run from a project directory");
        }
        Path nearestPyproject = null;
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (ConfigFileKind kind : ConfigFileKind.values()) {
                Path file = dir.resolve(kind.fileName);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                if (kind == ConfigFileKind.PYPROJECT_TOML && nearestPyproject == null) {
                    nearestPyproject = file;
                }
                Optional<Map<Setting, List<String>>> settings = kind.read(file);
                if (settings.isPresent()) {
                    return config(invoked, dir, Optional.of(file), settings.get());
                }
            }
        }
        if (nearestPyproject != null) {
            return config(invoked, nearestPyproject.getParent(), Optional.of(nearestPyproject), Map.of());
        }
        return config(invoked, nearestSetupPyDir(start).orElse(fallbackRootdir(start, invoked)), Optional.empty(),
                Map.of());
    }

    /** pytest's last resort: the directory both are under, unless only the file system's root is. */
    private static Path fallbackRootdir(Path start, Path invocationDir) {
        Path common = commonAncestor(start, invocationDir);
        return common.getParent() == null ? start : common;
    }

    /** The nearest directory both absolute, normalized paths are under (at worst the root). */
    public static Path commonAncestor(Path a, Path b) {
        Path c = a;
        while (c != null && !b.startsWith(c)) {
            c = c.getParent();
        }
        return c == null ? a.getRoot() : c;
    }

    private static Optional<Path> nearestSetupPyDir(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("setup.py"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static PytestConfig config(
            Path invocationDir, Path rootdir, Optional<Path> file, Map<Setting, List<String>> settings) {
        return new PytestConfig(
                invocationDir,
                rootdir,
                file,
                settings.getOrDefault(Setting.PYTHON_FILES, PytestConfig.DEFAULT_PYTHON_FILES),
                settings.getOrDefault(Setting.TESTPATHS, List.of()),
                settings.getOrDefault(Setting.NORECURSEDIRS, PytestConfig.DEFAULT_NORECURSEDIRS));
    }
}
