package salvo.sequence.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An existing report file is kept as {@code <file>-N.saved} (the first free N) before a new one is written. */
public final class SavedFiles {
    private SavedFiles() {}

    /** Moves {@code file} aside if it exists; returns where it went, or null. */
    public static Path moveAside(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        for (int n = 1; ; n++) {
            Path saved = file.resolveSibling(file.getFileName() + "-" + n + ".saved");
            if (!Files.exists(saved)) {
                return Files.move(file, saved);
            }
        }
    }
}
