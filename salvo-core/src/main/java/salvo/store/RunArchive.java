package salvo.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import salvo.error.SalvoError;
import salvo.model.RunRecord;
import salvo.model.Text;

/**
 * Plain JSON copies of finished runs for audit, beside the store: {@code last_run.json} and
 * {@code runs/run_<label>.json}. Each file is replaced atomically, so a reader never sees half a run.
 */
public final class RunArchive {
    public static final String LAST_RUN = "last_run.json";
    public static final String RUNS_DIR = "runs";

    // Labels become file names: keep them to characters every file system accepts.
    private static final Pattern SAFE_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private RunArchive() {}

    /** Writes the run's own file, then makes {@code last_run.json} name it too. */
    public static void write(Path salvoDir, RunRecord run) {
        Objects.requireNonNull(salvoDir, "salvoDir");
        Objects.requireNonNull(run, "run");
        Path own = runFile(salvoDir, run);
        RunConsistency.check(run);
        AtomicFile.write(own, out -> RunJson.write(run, out));
        AtomicFile.link(salvoDir.resolve(LAST_RUN), own); // the same bytes: a second name, not a second copy
    }

    /** Where {@link #write} puts this run's own file. */
    public static Path runFile(Path salvoDir, RunRecord run) {
        String label = run.info().label();
        if (label == null || !SAFE_LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("run label '" + label + "' cannot name an archive file:"
                    + " use letters, digits, '.', '_' and '-'");
        }
        return salvoDir.resolve(RUNS_DIR).resolve("run_" + label + ".json");
    }

    /** The run in {@code last_run.json}, or empty when no run was archived yet. */
    public static Optional<RunRecord> readLast(Path salvoDir) {
        Path file = salvoDir.resolve(LAST_RUN);
        try {
            return Optional.of(read(file, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw SalvoError.usage("could not read " + file + " (" + IoReason.of(e) + "): check its permissions", e);
        }
    }

    /** Reads any archived run file. */
    public static RunRecord read(Path file) {
        try {
            return read(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SalvoError.usage("could not read " + file + " (" + IoReason.of(e) + "): check the path", e);
        }
    }

    private static RunRecord read(Path file, String text) {
        try {
            return RunJson.read(text);
        } catch (RunJson.NewerFormatException e) {
            throw SalvoError.usage(file + " was written by a newer Salvo (archive format " + e.format
                    + ", this Salvo reads up to " + RunJson.FORMAT + "): upgrade Salvo to read it");
        } catch (JsonProcessingException e) {
            throw notAnArchive(file, e.getOriginalMessage(), e);
        } catch (NullPointerException e) {
            throw notAnArchive(file, "a required value is missing" + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (RuntimeException e) {
            throw notAnArchive(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private static SalvoError notAnArchive(Path file, String reason, Exception cause) {
        return SalvoError.usage(file + " is not a Salvo run archive (" + Text.oneLine(reason)
                + "): move it aside; the next run writes a new one", cause);
    }
}
