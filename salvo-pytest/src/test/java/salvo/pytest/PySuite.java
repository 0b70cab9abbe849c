package salvo.pytest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The small real pytest suite under test resources, copied where a test may run it. */
public final class PySuite {
    private PySuite() {}

    public static Path copyTo(Path dir) {
        try {
            Path source = Path.of(Objects.requireNonNull(PySuite.class.getResource("/pysuite")).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path target = dir.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else if (!p.toString().contains("__pycache__")) {
                        Files.copy(p, target);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Processes alive that run in {@code dir} (their working directory is in it): must be none after a run. */
    public static List<String> survivors(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> workingDirectory(p.pid()).map(cwd -> cwd.startsWith(root)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    private static java.util.Optional<Path> workingDirectory(long pid) {
        try {
            return java.util.Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }
}
