package salvo.pytest.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import salvo.error.SalvoError;

/**
 * Finds the rootdir and config file the way pytest 9 does (its {@code determine_setup}), from the
 * directories of the paths given: walking up from their common ancestor, the first directory
 * holding a config file wins (within one directory in {@link ConfigFileKind}'s order), else the
 * nearest pyproject.toml even without pytest settings. Failing that, the nearest setup.py marks
 * the rootdir; then, with paths in several directories, the same search from each of them in
 * turn; and last the common ancestor of the paths and the invocation directory ({@code pytest
 * tests} from a project without config files has the project as its rootdir, so ids read
 * {@code tests/test_a.py::...}).
 */
public final class PytestConfigLoader {
    private PytestConfigLoader() {}

    /**
     * With pytest's {@code -c FILE} (that file, its directory the rootdir) and {@code --rootdir DIR}
     * (forced; an empty one is none, as in pytest), as given on pytest's command line; relative to
     * {@code cwd}.
     */
    public static PytestConfig load(List<Path> dirs, Path cwd, Optional<String> configFile, Optional<String> rootdir) {
        Path invoked = cwd.toAbsolutePath().normalize();
        Optional<Path> forced = rootdir.filter(dir -> !dir.isEmpty()).map(dir -> forcedRootdir(invoked, dir));
        if (configFile.isPresent()) {
            Path file = invoked.resolve(configFile.get()).normalize();
            if (!Files.isRegularFile(file)) {
                throw SalvoError.usage("pytest's -c " + configFile.get() + ": no such file; give the path of a pytest "
                        + "config file, relative to " + cwd);
            }
            Map<Setting, List<String>> settings = ConfigFileKind.ofGiven(file).read(file).orElse(Map.of());
            return config(invoked, forced.orElse(file.getParent()), Optional.of(file), settings);
        }
        if (forced.isEmpty()) {
            return load(dirs, invoked);
        }
        // With --rootdir, pytest's search ends after its first step: up from the paths' ancestor.
        Path rootdirGiven = forced.get();
        return locate(List.of(ancestor(existing(dirs), invoked)), invoked)
                .map(found -> new PytestConfig(invoked, rootdirGiven, found.configFile(), found.pythonFiles(),
                        found.testpaths(), found.norecursedirs()))
                .orElseGet(() -> config(invoked, rootdirGiven, Optional.empty(), Map.of()));
    }

    private static Path forcedRootdir(Path invoked, String given) {
        Path dir = invoked.resolve(expandVariables(given, System.getenv())).normalize();
        if (!Files.isDirectory(dir)) {
            throw SalvoError.usage("pytest's --rootdir " + given + ": no such directory; give an existing one");
        }
        return dir;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+|\\{[^}]*})");

    /**
     * pytest expands {@code $NAME} and {@code ${NAME}} in --rootdir (Python's os.path.expandvars):
     * a variable that is not set stays as written.
     */
    static String expandVariables(String text, Map<String, String> environment) {
        return VARIABLE.matcher(text).replaceAll(match -> {
            String name = match.group(1).startsWith("{") ? match.group(1).substring(1, match.group(1).length() - 1)
                    : match.group(1);
            return Matcher.quoteReplacement(environment.getOrDefault(name, match.group()));
        });
    }

    /** As pytest run with no path, from {@code startDir}. */
    public static PytestConfig load(Path startDir) {
        return load(List.of(startDir), startDir);
    }

    /**
     * As pytest run from {@code invocationDir} with paths in {@code dirs} (a file's is its
     * directory; none: the invocation directory).
     */
    public static PytestConfig load(List<Path> dirs, Path invocationDir) {
        Path invoked = invocationDir.toAbsolutePath().normalize();
        List<Path> searched = existing(dirs);
        Path ancestor = ancestor(searched, invoked);
        Optional<PytestConfig> found = locate(List.of(ancestor), invoked)
                .or(() -> nearestSetupPyDir(ancestor).map(dir -> config(invoked, dir, Optional.empty(), Map.of())))
                .or(() -> searched.equals(List.of(ancestor)) ? Optional.empty() : locate(searched, invoked));
        return found.orElseGet(() -> config(invoked, fallbackRootdir(ancestor, invoked), Optional.empty(), Map.of()));
    }

    /** The directories, absolute and normalized; one that does not exist is a usage error. */
    private static List<Path> existing(List<Path> dirs) {
        List<Path> absolute = dirs.stream().map(d -> d.toAbsolutePath().normalize()).toList();
        for (Path dir : absolute) {
            if (!Files.isDirectory(dir)) {
                throw SalvoError.usage("directory '" + dir + "' does not exist: run from a project directory");
            }
        }
        return absolute;
    }

    /** The directories' common ancestor, or the invocation directory if there are none. */
    private static Path ancestor(List<Path> dirs, Path invoked) {
        return dirs.stream().reduce(PytestConfigLoader::commonAncestor).orElse(invoked);
    }

    /**
     * pytest's {@code locate_config}: up from each directory in turn, the first config file with
     * pytest settings, else the first pyproject.toml met.
     */
    private static Optional<PytestConfig> locate(List<Path> dirs, Path invoked) {
        Path firstPyproject = null;
        for (Path start : dirs) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                for (ConfigFileKind kind : ConfigFileKind.values()) {
                    Path file = dir.resolve(kind.fileName);
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    if (kind == ConfigFileKind.PYPROJECT_TOML && firstPyproject == null) {
                        firstPyproject = file;
                    }
                    Optional<Map<Setting, List<String>>> settings = kind.read(file);
                    if (settings.isPresent()) {
                        return Optional.of(config(invoked, dir, Optional.of(file), settings.get()));
                    }
                }
            }
        }
        return Optional.ofNullable(firstPyproject)
                .map(file -> config(invoked, file.getParent(), Optional.of(file), Map.of()));
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
