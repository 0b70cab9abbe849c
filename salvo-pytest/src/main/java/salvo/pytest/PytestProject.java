package salvo.pytest;

import java.nio.file.Files;
import java.nio.file.Path;
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
        PytestConfig config = PytestConfigLoader.load(startDir(cwd, paths), cwd, pytest.config(), pytest.rootdir());
        List<String> leftOut = new java.util.ArrayList<>(excludes);
        leftOut.addAll(pytest.ignores()); // pytest never ignores a file it is given: Salvo must not give it
        return new Found(config, new TestFileFinder().find(config, paths, leftOut));
    }

    /** pytest starts its rootdir search at the common ancestor of the existing paths given, else the cwd. */
    static Path startDir(Path cwd, List<String> paths) {
        Path common = null;
        for (String p : paths) {
            Path path = cwd.resolve(p).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                continue;
            }
            Path dir = Files.isDirectory(path) ? path : path.getParent();
            common = common == null ? dir : PytestConfigLoader.commonAncestor(common, dir);
        }
        return common == null ? cwd : common;
    }
}
