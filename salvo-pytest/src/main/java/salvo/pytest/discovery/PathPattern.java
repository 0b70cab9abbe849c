package salvo.pytest.discovery;

import java.nio.file.Path;

/**
 * pytest's {@code fnmatch_ex}: a pattern without '/' is matched against the file name only; one
 * with '/' against the whole absolute path, and a relative one may match at any depth (pytest
 * prefixes it with {@code *}{@code /}).
 */
final class PathPattern {
    private final boolean wholePath;
    private final GlobPattern glob;

    private PathPattern(boolean wholePath, GlobPattern glob) {
        this.wholePath = wholePath;
        this.glob = glob;
    }

    static PathPattern of(String pattern) {
        if (!pattern.contains("/")) {
            return new PathPattern(false, GlobPattern.compile(pattern));
        }
        String anchored = pattern.startsWith("/") ? pattern : "*/" + pattern;
        return new PathPattern(true, GlobPattern.compile(anchored));
    }

    /** @param path an absolute path */
    boolean matches(Path path) {
        if (wholePath) {
            return glob.matches(path.toString());
        }
        Path name = path.getFileName();
        return name != null && glob.matches(name.toString());
    }
}
