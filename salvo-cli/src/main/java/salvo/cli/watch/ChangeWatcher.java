package salvo.cli.watch;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Waits for files to change under some directory trees. A WatchService watches one directory,
 * not a tree, so every directory is registered, and new ones as they appear. Changes are
 * debounced: a save that touches several files (an editor's temporary file and rename, a
 * formatter over a package) is one change, reported once it has been quiet for a while. Changes
 * made while nobody waits are kept and reported by the next wait.
 */
public final class ChangeWatcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
    private final Predicate<Path> ignored;
    private final Duration quiet;

    private ChangeWatcher(WatchService service, Predicate<Path> ignored, Duration quiet) {
        this.service = service;
        this.ignored = ignored;
        this.quiet = quiet;
    }

    /**
     * Starts watching the trees under {@code roots} (directories only), leaving out what
     * {@code ignored} matches, subtrees included.
     *
     * @param quiet how long nothing may change before a change is reported
     */
    public static ChangeWatcher start(Collection<Path> roots, Predicate<Path> ignored, Duration quiet) throws IOException {
        ChangeWatcher watcher = new ChangeWatcher(FileSystems.getDefault().newWatchService(), ignored, quiet);
        try {
            for (Path root : outermost(roots)) {
                watcher.registerTree(root, new TreeSet<>());
            }
        } catch (IOException | RuntimeException e) {
            watcher.close();
            throw e;
        }
        return watcher;
    }

    /**
     * Blocks until something changed and then nothing more for the quiet period.
     *
     * @return what changed (files and directories, created, modified or deleted), sorted; empty
     *         once the watcher was closed, from any thread
     */
    public Optional<List<Path>> awaitChange() throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        try {
            while (changed.isEmpty()) {
                collect(service.take(), changed);
            }
            long quietUntil = System.nanoTime() + quiet.toNanos();
            while (true) {
                long left = quietUntil - System.nanoTime();
                WatchKey key = left > 0 ? service.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    return Optional.of(List.copyOf(changed));
                }
                if (collect(key, changed)) {
                    quietUntil = System.nanoTime() + quiet.toNanos();
                }
            }
        } catch (ClosedWatchServiceException closed) {
            return Optional.empty();
        }
    }

    /** Ends the watch; a thread blocked in {@link #awaitChange} returns empty. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Closing an inotify descriptor fails only if it is already gone: nothing is left to end.
        }
    }

    /** Adds the key's events to {@code changed}; true when at least one of them counts. */
    private boolean collect(WatchKey key, Set<Path> changed) {
        Path directory = directories.get(key);
        boolean counted = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (directory == null) {
                continue;
            }
            if (event.kind() == OVERFLOW) {
                changed.add(directory); // too many to list: the directory stands for them
                counted = true;
                continue;
            }
            Path path = directory.resolve((Path) event.context());
            if (ignored.test(path)) {
                continue;
            }
            boolean isDirectory = Files.isDirectory(path, NOFOLLOW_LINKS);
            if (event.kind() == ENTRY_MODIFY && isDirectory) {
                continue; // says only that its entries changed, which its own key reports
            }
            if (event.kind() == ENTRY_CREATE && isDirectory) {
                registerNew(path, changed);
            }
            changed.add(path);
            counted = true;
        }
        if (!key.reset()) {
            directories.remove(key); // its directory is gone
        }
        return counted;
    }

    /** A directory that appeared: watched from now on; what was written into it before that counts as changed. */
    private void registerNew(Path directory, Set<Path> changed) {
        try {
            registerTree(directory, changed);
        } catch (IOException e) {
            // Gone again, or unreadable: there is nothing in it to watch.
        }
    }

    private void registerTree(Path root, Set<Path> files) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && ignored.test(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                directories.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!ignored.test(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished or unreadable while walking: nothing to watch there
            }
        });
    }

    /** The roots that are not inside another, so no directory is walked twice. */
    static List<Path> outermost(Collection<Path> roots) {
        List<Path> normal = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        List<Path> outer = new ArrayList<>();
        for (Path root : normal) {
            if (normal.stream().noneMatch(other -> !other.equals(root) && root.startsWith(other))) {
                outer.add(root);
            }
        }
        return outer;
    }
}
