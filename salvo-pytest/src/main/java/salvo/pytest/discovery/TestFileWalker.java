package salvo.pytest.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Walks a directory as pytest's collection does and lists the files matching {@code python_files}.
 * It does not descend into {@code __pycache__}, virtual environments, or directories matching
 * {@code norecursedirs}, except the directory it starts from, which the user named. Symbolic links
 * are followed; a link back to a directory being walked is skipped, so the walk always ends.
 */
final class TestFileWalker {
    private final List<PathPattern> testFilePatterns;
    private final List<PathPattern> norecursePatterns;

    TestFileWalker(PytestConfig config) {
        this.testFilePatterns = config.pythonFiles().stream().map(PathPattern::of).toList();
        this.norecursePatterns = config.norecursedirs().stream().map(PathPattern::of).toList();
    }

    /** @param root an absolute, normalized directory */
    List<Path> walk(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || !isSkippedDirectory(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isTestFile(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A symlink loop, an unreadable directory, a file deleted mid-walk: pytest skips these too.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    boolean isTestFile(Path file) {
        return isPythonFile(file) && testFilePatterns.stream().anyMatch(p -> p.matches(file));
    }

    /** pytest's test: the file's suffix is exactly ".py" (so not a bare ".py"). */
    static boolean isPythonFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".py") && name.lastIndexOf('.') > 0;
    }

    private boolean isSkippedDirectory(Path dir) {
        return dir.getFileName().toString().equals("__pycache__")
                || isVirtualEnvironment(dir)
                || norecursePatterns.stream().anyMatch(p -> p.matches(dir));
    }

    /** pytest's check: a PEP 405 venv has pyvenv.cfg; a conda env may only have conda-meta/history. */
    private static boolean isVirtualEnvironment(Path dir) {
        return Files.isRegularFile(dir.resolve("pyvenv.cfg")) || Files.isRegularFile(dir.resolve("conda-meta/history"));
    }
}
