package salvo.pytest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
