package salvo.sequence.adapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds sequence files: *.tum with a top-level {@code main:} (files without one are fragments
 * for !include), under a directory or as salvo.yaml names them. Hidden and build directories are
 * not searched.
 */
final class SequenceFiles {
    private static final Pattern MAIN = Pattern.compile("(?m)^main\\s*:");
    private static final Pattern GLOB = Pattern.compile("[*?\\[{]");
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build", "__pycache__", "venv");

    private SequenceFiles() {}

    static List<Path> under(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            if (isSequence(root)) {
                found.add(root);
            }
            return found;
        }
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRS.contains(name));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (isSequence(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /**
     * The sequences a path of salvo.yaml names, relative to {@code dir}: a file as it is, a
     * directory's sequences, or those a glob matches ({@code checks/*.tum}, {@code **}{@code /*.tum}).
     */
    static List<Path> matching(Path dir, String pattern) throws IOException {
        if (!GLOB.matcher(pattern).find()) {
            Path path = dir.resolve(pattern).toAbsolutePath().normalize();
            return Files.isRegularFile(path) ? List.of(path) : under(path);
        }
        String relative = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        return under(dir).stream().filter(f -> glob.matches(dir.relativize(f))).toList();
    }

    static boolean isSequence(Path file) {
        if (!file.getFileName().toString().endsWith(".tum") || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return MAIN.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException | java.io.UncheckedIOException e) {
            return true; // unreadable: let the run say why, at its place
        }
    }
}
