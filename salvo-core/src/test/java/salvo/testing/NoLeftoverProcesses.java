package salvo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a process running in its directory: every process Salvo starts for
 * a suite (pytest, its children, their children) runs with its working directory there, unless
 * it changed it on purpose. Register with {@code @RegisterExtension} and the test's @TempDir.
 */
public final class NoLeftoverProcesses implements AfterEachCallback {
    private final java.util.function.Supplier<Path> dir;

    public NoLeftoverProcesses(java.util.function.Supplier<Path> dir) {
        this.dir = dir;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        List<String> left = in(dir.get());
        for (int i = 0; i < 30 && !left.isEmpty(); i++) {
            Thread.sleep(100);
            left = in(dir.get());
        }
        assertEquals(List.of(), left, "processes left behind");
    }

    /** Processes alive whose working directory is in {@code dir}, as "pid command line". */
    public static List<String> in(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> workingDirectory(p.pid()).map(cwd -> cwd.startsWith(root)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
