package salvo.report;

import java.nio.file.Path;
import salvo.store.AtomicFile;

/** Saves a rendered report so that a CI job or a browser never picks up half of it. */
public final class ReportFile {
    private ReportFile() {}

    public static void write(Path target, String report) {
        AtomicFile.write(target, report);
    }
}
