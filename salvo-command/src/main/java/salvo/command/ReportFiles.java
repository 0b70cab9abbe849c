package salvo.command;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The report files a command's {@code junit:} names: one path, or a glob such as
 * {@code target/surefire-reports/*.xml}, relative to the command's directory. A file older than
 * the attempt is left from an earlier run and is not this attempt's result.
 *
 * @param fresh written during the attempt, in path order
 * @param stale matching files older than the attempt
 */
record ReportFiles(List<Path> fresh, List<Path> stale) {
    private static final String GLOB_CHARS = "*?[{";

    static ReportFiles find(Path cwd, String pattern, Instant attemptStart) {
        // Some file systems keep whole seconds: a report written in the attempt's first second must count.
        Instant since = attemptStart.truncatedTo(ChronoUnit.SECONDS);
        List<Path> fresh = new ArrayList<>();
        List<Path> stale = new ArrayList<>();
        for (Path file : matching(cwd, pattern)) {
            try {
                (Files.getLastModifiedTime(file).toInstant().isBefore(since) ? stale : fresh).add(file);
            } catch (IOException e) {
                stale.add(file); // gone or unreadable: nothing this attempt can use
            }
        }
        return new ReportFiles(fresh, stale);
    }

    private static List<Path> matching(Path cwd, String pattern) {
        if (pattern.chars().noneMatch(c -> GLOB_CHARS.indexOf(c) >= 0)) {
            Path file = cwd.resolve(pattern).normalize();
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        // Walk from the deepest directory without glob characters, matching the rest.
        String[] parts = pattern.split("/");
        Path base = pattern.startsWith("/") ? Path.of("/") : cwd;
        int i = 0;
        for (; i < parts.length - 1 && parts[i].chars().noneMatch(c -> GLOB_CHARS.indexOf(c) >= 0); i++) {
            base = base.resolve(parts[i]);
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - i;
        Path from = base.normalize();
        if (!Files.isDirectory(from)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(from, depth)) {
            return walk.filter(Files::isRegularFile).filter(p -> matcher.matches(from.relativize(p))).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
