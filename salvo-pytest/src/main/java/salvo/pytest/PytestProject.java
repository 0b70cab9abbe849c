package salvo.pytest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import salvo.pytest.discovery.Discovery;
import salvo.pytest.discovery.PytestConfig;
import salvo.pytest.discovery.PytestConfigLoader;
import salvo.pytest.discovery.TestFileFinder;

/** Finds a pytest project's rootdir the way pytest does (from the paths given) and its test files. */
final class PytestProject {
    private PytestProject() {}

    record Found(PytestConfig config, Discovery discovery) {}

    static Found discover(Path cwd, List<String> paths, List<String> excludes, PytestArgs pytest) {
        // The rootdir search starts at the paths, but the paths themselves are the user's, relative to the cwd.
        PytestConfig config = PytestConfigLoader.load(dirsOf(cwd, paths), cwd, pytest.config(), pytest.rootdir());
        List<String> leftOut = new ArrayList<>(excludes);
        leftOut.addAll(pytest.ignores()); // pytest never ignores a file it is given: Salvo must not give it
        return new Found(config, new TestFileFinder().find(config, paths, leftOut));
    }

    /**
     * Where pytest's rootdir search starts (its {@code get_dirs_from_args}): the directory of each
     * existing path given, a file's being its directory. (Salvo takes no node ids as paths, and
     * --pyargs reaches here as the packages' paths, where pytest searches from the cwd.)
     */
    static List<Path> dirsOf(Path cwd, List<String> paths) {
        List<Path> dirs = new ArrayList<>();
        for (String p : paths) {
            Path path = cwd.resolve(p).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                dirs.add(path);
            } else if (Files.exists(path)) {
                dirs.add(path.getParent());
            }
        }
        return dirs;
    }
}
