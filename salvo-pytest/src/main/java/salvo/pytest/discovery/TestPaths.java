package salvo.pytest.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands {@code testpaths} as pytest does, with Python's {@code glob(recursive=True)} relative to
 * rootdir: entries may hold {@code * ? [seq]} per path segment and {@code **} for any depth of
 * directories; a wildcard does not match a name starting with '.' unless it starts with '.' too.
 * An entry that matches nothing is dropped, not an error.
 */
final class TestPaths {
    private TestPaths() {}

    static List<Path> expand(Path rootdir, List<String> testpaths) {
        List<Path> expanded = new ArrayList<>();
        for (String entry : testpaths) {
            if (!hasWildcard(entry)) {
                Path path = rootdir.resolve(entry).normalize();
                if (Files.exists(path)) {
                    expanded.add(path);
                }
                continue;
            }
            List<Path> matches = new ArrayList<>(List.of(entry.startsWith("/") ? Path.of("/") : rootdir));
            for (String segment : entry.split("/")) {
                if (!segment.isEmpty()) {
                    matches = step(matches, segment);
                }
            }
            matches.stream().map(Path::normalize).sorted().forEach(expanded::add);
        }
        return expanded;
    }

    private static List<Path> step(List<Path> bases, String segment) {
        List<Path> next = new ArrayList<>();
        for (Path base : bases) {
            if (segment.equals("**")) {
                next.addAll(directoriesBelow(base));
            } else if (!hasWildcard(segment)) {
                Path child = base.resolve(segment);
                if (Files.exists(child)) {
                    next.add(child);
                }
            } else {
                GlobPattern pattern = GlobPattern.compile(segment);
                for (Path child : children(base)) {
                    String name = child.getFileName().toString();
                    if (pattern.matches(name) && (!name.startsWith(".") || segment.startsWith("."))) {
                        next.add(child);
                    }
                }
            }
        }
        return next;
    }

    /** The directory itself and every non-hidden directory below it, without following links. */
    private static List<Path> directoriesBelow(Path base) {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isDirectory).filter(dir -> !isHidden(base.relativize(dir))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }
}
