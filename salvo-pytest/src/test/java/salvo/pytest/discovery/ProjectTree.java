package salvo.pytest.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a real directory tree for a test: files with content, empty directories, symlinks. */
final class ProjectTree {
    static final String A_TEST = "def test_it():\n    pass\n";

    private final Path root;

    ProjectTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** A Python file holding one passing test. */
    ProjectTree test(String... relatives) {
        for (String relative : relatives) {
            file(relative, A_TEST);
        }
        return this;
    }

    ProjectTree file(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProjectTree dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProjectTree symlink(String link, String target) {
        try {
            Path at = root.resolve(link);
            Files.createDirectories(at.getParent());
            Files.createSymbolicLink(at, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProjectTree delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
