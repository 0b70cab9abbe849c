package salvo.pytest.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What pytest would decide about a project before collecting: its rootdir, the config file it
 * read, and the settings that choose test files.
 *
 * @param invocationDir the directory pytest would be started in; relative paths are resolved here
 * @param rootdir       test ids are paths relative to this directory
 * @param configFile    the file the settings came from, if any
 * @param pythonFiles   fnmatch patterns for test file names ({@code python_files})
 * @param testpaths     where to look when no path is given, relative to rootdir; globs allowed
 * @param norecursedirs fnmatch patterns for directories not to descend into
 */
public record PytestConfig(
        Path invocationDir,
        Path rootdir,
        Optional<Path> configFile,
        List<String> pythonFiles,
        List<String> testpaths,
        List<String> norecursedirs) {

    public static final List<String> DEFAULT_PYTHON_FILES = List.of("test_*.py", "*_test.py");
    public static final List<String> DEFAULT_NORECURSEDIRS =
            List.of("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}");

    public PytestConfig {
        invocationDir = Objects.requireNonNull(invocationDir, "invocationDir").toAbsolutePath().normalize();
        rootdir = Objects.requireNonNull(rootdir, "rootdir").toAbsolutePath().normalize();
        configFile = Objects.requireNonNull(configFile, "configFile").map(f -> f.toAbsolutePath().normalize());
        pythonFiles = List.copyOf(pythonFiles);
        testpaths = List.copyOf(testpaths);
        norecursedirs = List.copyOf(norecursedirs);
    }

    /** pytest's defaults for a project with no config file, rooted where it is invoked. */
    public static PytestConfig defaults(Path dir) {
        return new PytestConfig(dir, dir, Optional.empty(), DEFAULT_PYTHON_FILES, List.of(), DEFAULT_NORECURSEDIRS);
    }
}
