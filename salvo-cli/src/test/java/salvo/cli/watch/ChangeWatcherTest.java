package salvo.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher on a real directory tree: what counts as a change, debouncing, trees that grow. */
class ChangeWatcherTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path root;

    private final ExecutorService waiter = Executors.newSingleThreadExecutor();
    private ChangeWatcher watcher;

    @BeforeEach
    void tree() throws IOException {
        write("tests/test_a.py", "def test_a(): pass\n");
        write("src/lib.py", "X = 1\n");
        write(".git/HEAD", "ref: refs/heads/main\n");
        Files.createDirectories(root.resolve("store"));
        watcher = ChangeWatcher.start(List.of(root, root.resolve("tests")),
                new IgnoredPaths(List.of(root.resolve("store"))), QUIET);
    }

    @AfterEach
    void stop() {
        watcher.close();
        waiter.shutdownNow();
    }

    @Test
    void aSavedFileIsAChange() throws Exception {
        Future<Optional<List<Path>>> change = awaitChange();
        write("tests/test_a.py", "def test_a(): assert False\n");
        assertEquals(List.of(root.resolve("tests/test_a.py")), within(change));
    }

    @Test
    void aBurstOfWritesIsOneChangeOnceQuiet() throws Exception {
        Future<Optional<List<Path>>> change = awaitChange();
        write("src/lib.py", "X = 2\n");
        Thread.sleep(QUIET.toMillis() / 3); // a formatter going over a package, file by file
        write("src/other.py", "Y = 1\n");
        Thread.sleep(QUIET.toMillis() / 3);
        write("tests/test_a.py", "def test_a(): pass  # edited\n");
        assertEquals(List.of(root.resolve("src/lib.py"), root.resolve("src/other.py"), root.resolve("tests/test_a.py")),
                within(change));
    }

    @Test
    void cachesVersionControlEditorFilesAndTheStoreAreNoChange() throws Exception {
        write(".git/index", "x");
        write("tests/__pycache__/test_a.cpython-311.pyc", "x");
        write("tests/.test_a.py.swp", "x");
        write("tests/test_a.py~", "x");
        write("store/salvo.db", "x");
        Future<Optional<List<Path>>> change = awaitChange();
        write("src/lib.py", "X = 3\n"); // the one change that counts, so the wait ends
        assertEquals(List.of(root.resolve("src/lib.py")), within(change));
    }

    @Test
    void aNewDirectoryIsWatchedFromTheMomentItAppears() throws Exception {
        Future<Optional<List<Path>>> first = awaitChange();
        write("tests/pkg/sub/test_new.py", "def test_new(): pass\n");
        assertTrue(within(first).contains(root.resolve("tests/pkg")), "the new directory is a change");
        Future<Optional<List<Path>>> second = awaitChange();
        write("tests/pkg/sub/test_new.py", "def test_new(): assert False\n");
        assertEquals(List.of(root.resolve("tests/pkg/sub/test_new.py")), within(second));
    }

    @Test
    void aChangeWhileNobodyWaitsIsReportedByTheNextWait() throws Exception {
        write("tests/test_a.py", "def test_a(): pass  # changed during a round\n");
        Files.delete(root.resolve("src/lib.py"));
        assertEquals(List.of(root.resolve("src/lib.py"), root.resolve("tests/test_a.py")), within(awaitChange()));
    }

    @Test
    void closingEndsAWait() throws Exception {
        Future<Optional<List<Path>>> change = awaitChange();
        CompletableFuture.runAsync(watcher::close, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        assertEquals(Optional.empty(), change.get(10, TimeUnit.SECONDS));
    }

    @Test
    void nestedRootsAreWalkedOnce() {
        assertEquals(List.of(root), ChangeWatcher.outermost(List.of(root.resolve("tests"), root, root.resolve("tests/../tests"))));
    }

    private Future<Optional<List<Path>>> awaitChange() {
        return waiter.submit(() -> watcher.awaitChange());
    }

    private static List<Path> within(Future<Optional<List<Path>>> change) throws Exception {
        return change.get(10, TimeUnit.SECONDS).orElseThrow();
    }

    private void write(String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
