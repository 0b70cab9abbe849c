package salvo.pytest.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import salvo.error.SalvoError;
import salvo.model.TestUnit;

/**
 * Finds the test files pytest would collect, without running Python: one {@link TestUnit} per file,
 * because Salvo runs each file in its own {@code python -m pytest <file>}.
 */
public final class TestFileFinder {
    public static final String ADAPTER = "pytest";

    /**
     * @param paths    files, directories or dotted package names as the user typed them; none means
     *                 {@code testpaths} (when invoked in rootdir), else the invocation directory
     * @param excludes exclude entries as the user typed them, already split at commas
     * @throws salvo.error.SalvoError for a path that exists in no form, or names a non-Python file
     */
    public Discovery find(PytestConfig config, List<String> paths, List<String> excludes) {
        List<String> warnings = new ArrayList<>();
        List<Path> roots = paths.isEmpty()
                ? defaultRoots(config, warnings)
                : paths.stream().map(arg -> PathArgument.resolve(arg, config)).toList();

        TestFileWalker walker = new TestFileWalker(config);
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            // A file named explicitly is taken even if python_files would not match it, as pytest does.
            for (Path file : Files.isDirectory(root) ? walker.walk(root) : List.of(root)) {
                files.add(file.toAbsolutePath().normalize());
            }
        }
        requireUnderRootdir(config, files);
        Map<String, TestUnit> byId = new TreeMap<>();
        for (Path file : files) {
            TestUnit unit = unitFor(config.rootdir(), file);
            byId.putIfAbsent(unit.id(), unit);
        }
        ExcludeFilter.Result filtered = ExcludeFilter.apply(List.copyOf(byId.values()), excludes,
                config.invocationDir(), config.rootdir());
        return new Discovery(filtered.kept(), filtered.unmatched(), filtered.missing(), warnings);
    }

    private static List<Path> defaultRoots(PytestConfig config, List<String> warnings) {
        // pytest reads testpaths only when it runs in rootdir itself.
        if (config.invocationDir().equals(config.rootdir()) && !config.testpaths().isEmpty()) {
            List<Path> expanded = TestPaths.expand(config.rootdir(), config.testpaths()).stream()
                    .filter(p -> Files.isDirectory(p) || TestFileWalker.isPythonFile(p))
                    .toList();
            if (!expanded.isEmpty()) {
                return expanded;
            }
            warnings.add("testpaths " + config.testpaths() + " matched nothing in " + config.rootdir()
                    + ": searching " + config.invocationDir() + " instead, as pytest does");
        }
        return List.of(config.invocationDir());
    }

    /**
     * A file's id is its path from the rootdir, as pytest's node ids are. pytest names a file
     * outside its rootdir from the path argument it is under instead, which can name two files
     * alike; Salvo refuses such files rather than name them otherwise than pytest, and says which
     * rootdir would hold them all.
     *
     * @param files absolute and normalized
     */
    private static void requireUnderRootdir(PytestConfig config, List<Path> files) {
        Path rootdir = config.rootdir();
        List<Path> outside = files.stream().filter(f -> !f.startsWith(rootdir)).toList();
        if (outside.isEmpty()) {
            return;
        }
        Path holdingAll = outside.stream().map(Path::getParent).reduce(rootdir, PytestConfigLoader::commonAncestor);
        Optional<Path> configFile = config.configFile();
        boolean rootdirFromConfig = configFile.map(Path::getParent).equals(Optional.of(rootdir));
        throw SalvoError.usage("test file " + outside.get(0) + " is outside pytest's rootdir " + rootdir
                + (rootdirFromConfig ? " (from " + configFile.get() + ")" : "")
                + ": give pytest a rootdir that holds every test file, e.g. -- --rootdir=" + holdingAll
                + configFile.map(f -> " -c " + f).orElse("") + ", or run the paths apart");
    }

    /** @param file absolute and normalized */
    private static TestUnit unitFor(Path rootdir, Path file) {
        String id = rootdir.relativize(file).toString().replace('\\', '/');
        return new TestUnit(id, file, ADAPTER);
    }
}
