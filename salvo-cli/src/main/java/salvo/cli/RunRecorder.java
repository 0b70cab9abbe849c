package salvo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import salvo.model.RunRecord;
import salvo.report.JUnitXmlReport;
import salvo.report.ReportFile;
import salvo.store.Journal;
import salvo.store.RunArchive;

/**
 * Keeps a run everywhere it belongs: the database (the journal wrote its tests as they
 * finished; the final record settles it), the JSON archive for audit, and a JUnit XML file when
 * asked. One failing destination never costs the others: results already gathered are never
 * lost to a full disk, a locked database or a bug in one writer.
 *
 * <p>The database is settled before {@link #save} returns; the files are written on a thread of
 * their own while the summary prints (at 100 000 tests the archive is 19 MB, most of a second
 * with its flush to disk), and {@link #awaitFiles} waits for them.
 */
final class RunRecorder {
    private final Journal journal;
    private final Path storeDir;
    private final Path junitXml;
    /** What could not be written, said after the summary; guarded by itself (the files' thread adds too). */
    private final List<String> problems = new ArrayList<>();
    private Thread files;

    RunRecorder(Journal journal, Path storeDir, Path junitXml) {
        this.journal = journal;
        this.storeDir = storeDir;
        this.junitXml = junitXml;
    }

    /** Settles the run in the database and starts writing its files; call {@link #awaitFiles} before exiting. */
    RunRecord save(RunRecord run) {
        RunRecord saved = run;
        try {
            saved = journal.finish(run);
        } catch (RuntimeException e) {
            problem("the run could not be stored in the database: " + e.getMessage());
        }
        RunRecord settled = saved;
        files = new Thread(() -> writeFiles(settled), "salvo-archive");
        files.start();
        return saved;
    }

    private void writeFiles(RunRecord run) {
        // Errors too (out of memory on a large run): on this thread nothing else would report them.
        try {
            RunArchive.write(storeDir, run);
        } catch (RuntimeException | Error e) {
            problem("the run could not be archived as JSON: " + reason(e));
        }
        if (junitXml != null) {
            try {
                ReportFile.write(junitXml, JUnitXmlReport.render(run));
            } catch (RuntimeException | Error e) {
                problem("--junit-xml " + junitXml + ": " + reason(e));
            }
        }
    }

    /** Salvo's errors say what to do; an Error (out of memory) is named as it is. */
    private static String reason(Throwable e) {
        return e instanceof Error ? e.toString() : e.getMessage();
    }

    private void problem(String text) {
        synchronized (problems) {
            problems.add(text);
        }
    }

    /**
     * Waits until the files are written (an interrupt does not cut a write short: no half-written
     * file is left) and says, one line each, what could not be written. Called once, after {@link #save}.
     *
     * @return false when the store, the archive or the JUnit XML file could not be written
     */
    boolean awaitFiles() {
        boolean interrupted = false;
        while (files != null && files.isAlive()) {
            try {
                files.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (problems) {
            problems.forEach(p -> System.err.println("salvo: " + p));
            return problems.isEmpty();
        }
    }
}
