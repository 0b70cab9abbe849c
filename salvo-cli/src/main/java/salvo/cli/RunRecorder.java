package salvo.cli;

import java.nio.file.Path;
import salvo.model.RunRecord;
import salvo.report.JUnitXmlReport;
import salvo.report.ReportFile;
import salvo.store.RunArchive;
import salvo.store.Journal;

/**
 * Keeps a run everywhere it belongs: the database (the journal wrote its tests as they
 * finished; the final record settles it), the JSON archive for audit, and a JUnit XML file when
 * asked. One failing destination never costs the others: results already gathered are never
 * lost to a full disk, a locked database or a bug in one writer.
 */
final class RunRecorder {
    private final Journal journal;
    private final Path storeDir;
    private final Path junitXml;
    private boolean everythingWritten = true;

    RunRecorder(Journal journal, Path storeDir, Path junitXml) {
        this.journal = journal;
        this.storeDir = storeDir;
        this.junitXml = junitXml;
    }

    RunRecord save(RunRecord run) {
        RunRecord saved = run;
        try {
            saved = journal.finish(run);
        } catch (RuntimeException e) {
            everythingWritten = false;
            System.err.println("salvo: the run could not be stored in the database: " + e.getMessage());
        }
        try {
            RunArchive.write(storeDir, saved);
        } catch (RuntimeException e) {
            everythingWritten = false;
            System.err.println("salvo: the run could not be archived as JSON: " + e.getMessage());
        }
        if (junitXml != null) {
            try {
                ReportFile.write(junitXml, JUnitXmlReport.render(saved));
            } catch (RuntimeException e) {
                everythingWritten = false;
                System.err.println("salvo: --junit-xml " + junitXml + ": " + e.getMessage());
            }
        }
        return saved;
    }

    /** False when the store, the archive or the JUnit XML file could not be written. */
    boolean everythingWritten() {
        return everythingWritten;
    }
}
