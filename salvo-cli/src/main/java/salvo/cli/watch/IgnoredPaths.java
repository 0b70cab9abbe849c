package salvo.cli.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Changes that do not start a round: Salvo's own outputs (the store, a JUnit report), and what
 * tools and editors write beside the code. Names that start with a dot are left out as xdist's
 * looponfail leaves them out: version control, caches, the default store, editor swap and lock
 * files. Pure.
 */
final class IgnoredPaths implements Predicate<Path> {
    private static final List<String> SUFFIXES = List.of(".pyc", ".pyo", "~", ".swp", ".swo", ".swx",
            "___jb_tmp___", "___jb_old___");

    private final List<Path> ownOutputs;

    /** @param ownOutputs absolute paths (files or directories) that Salvo itself writes during a round */
    IgnoredPaths(Collection<Path> ownOutputs) {
        this.ownOutputs = ownOutputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * The files Salvo's own stdout and stderr go to ({@code salvo watch > log}), where the system
     * says (Linux's /proc): each round's output would otherwise be a change that starts the next.
     */
    static List<Path> redirectedOutput() {
        List<Path> files = new ArrayList<>();
        for (String fd : List.of("1", "2")) {
            try {
                Path target = Files.readSymbolicLink(Path.of("/proc/self/fd", fd));
                if (Files.isRegularFile(target)) {
                    files.add(target);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // Not Linux, or not a file: nothing of ours to leave out.
            }
        }
        return files;
    }

    @Override
    public boolean test(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (ownOutputs.stream().anyMatch(absolute::startsWith)) {
            return true;
        }
        Path fileName = absolute.getFileName();
        if (fileName == null) {
            return false;
        }
        String name = fileName.toString();
        return name.startsWith(".")
                || name.equals("__pycache__")
                || SUFFIXES.stream().anyMatch(name::endsWith)
                || (name.startsWith("#") && name.endsWith("#")) // emacs' auto-save
                || name.equals("4913"); // vim's probe that a directory is writable, before it saves
    }
}
