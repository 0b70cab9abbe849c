package salvo.sequence.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.report.ExportInput;
import salvo.sequence.report.ExportSpec;
import salvo.sequence.report.ReportDatabase;
import salvo.sequence.report.ReportRow;
import salvo.sequence.report.Renderers;
import salvo.sequence.report.SavedFiles;
import salvo.sequence.report.ShellWords;

/**
 * Runs export lists (§6.2) on the report database: at report close (with the header), and for a
 * report item on the rows so far (without, §3.15). An export that cannot run is skipped with
 * one line saying why; it never changes a verdict.
 */
final class ReportExports {
    private final Engine engine;

    ReportExports(Engine engine) {
        this.engine = engine;
    }

    /**
     * @param name   the report's name (the header's test_name, or the report item's name)
     * @param header false from a report item: no header, and sqlite entries are ignored; at close,
     *               the first sqlite entry is the database file itself, already written
     */
    void run(List<ExportSpec> exports, ReportDatabase db, String name, boolean header, Frame frame) {
        boolean databaseDone = false;
        for (ExportSpec e : exports) {
            if (header && !databaseDone && e.valid() && e.format().equals("sqlite") && db.file() != null) {
                databaseDone = true;
                engine.log().line("INFO  [report] sqlite: " + db.file());
                continue;
            }
            if (!header && e.format().equals("sqlite")) {
                continue;
            }
            try {
                String done = export(e, db, name, header, frame);
                engine.log().line("INFO  [report] " + e.format() + ": " + done);
            } catch (Skipped | IOException | SQLException | RuntimeException x) {
                engine.log().line("WARN  [report] Export skipped: " + e.format() + ": " + x.getMessage());
            }
        }
    }

    /** Why an export cannot run, in the user's terms. */
    static final class Skipped extends Exception {
        Skipped(String message) {
            super(message);
        }
    }

    private String export(ExportSpec e, ReportDatabase db, String name, boolean header, Frame frame)
            throws Skipped, IOException, SQLException {
        if (!e.valid()) {
            throw new Skipped("an export entry is a mapping with one format key ({junit: {file_name: out.xml}}), got "
                    + e.format());
        }
        if (e.format().equals("command")) {
            return command(e, db, frame);
        }
        if (!ExportSpec.FORMATS.contains(e.format())) {
            throw new Skipped("no exporter named '" + e.format() + "'; the formats are " + String.join(", ", ExportSpec.FORMATS)
                    + " (Python exporter plugins are not supported yet)");
        }
        Path target = prepared(target(e, frame, name));
        if (e.format().equals("sqlite")) {
            db.copyTo(target);
            return target.toString();
        }
        List<ReportRow> rows = db.rows(e.filter("pattern", frame::expandText), e.filter("key", frame::expandText));
        Map<String, String> head = header ? db.header() : null;
        ExportInput in = new ExportInput(name, head, rows, hostname());
        Optional<String> text = Renderers.render(e.format(), in);
        Files.writeString(target, text.orElseThrow());
        return target + " (" + rows.size() + " row(s))";
    }

    /** The folder must exist; an existing file is kept as -N.saved. */
    private static Path prepared(Path target) throws Skipped, IOException {
        if (!Files.isDirectory(target.getParent())) {
            throw new Skipped("the folder " + target.getParent() + " does not exist; create it or fix path/file_name");
        }
        SavedFiles.moveAside(target);
        return target;
    }

    /**
     * path and file_name joined (either may hold the whole path) and expanded; relative to the
     * working directory; {@code <name>.<ext>} when neither is given.
     */
    static Path target(ExportSpec e, Frame frame, String name) {
        String path = e.fields().get("path") == null ? null : frame.expandText(e.fields().get("path"));
        String file = e.fields().get("file_name") == null ? null : frame.expandText(e.fields().get("file_name"));
        Path joined = path == null && file == null ? Path.of(name + ExportSpec.extension(e.format()))
                : path == null ? Path.of(file) : file == null ? Path.of(path) : Path.of(path).resolve(file);
        return Path.of("").toAbsolutePath().resolve(joined).normalize();
    }

    /**
     * command: cmd split shell-style and run without a shell in the test directory; $(db) is a
     * copy of the database, $(out) the output path (path/file_name, empty without them).
     */
    private String command(ExportSpec e, ReportDatabase db, Frame frame) throws Skipped, IOException, SQLException {
        Object cmd = e.fields().get("cmd");
        if (cmd == null) {
            throw new Skipped("the command export needs cmd: the command line to run");
        }
        boolean hasOut = e.fields().get("path") != null || e.fields().get("file_name") != null;
        String out = hasOut ? prepared(target(e, frame, "report")).toString() : "";
        Path dir = Files.createTempDirectory("salvo-report-");
        Path copy = dir.resolve("report.db");
        try {
            db.copyTo(copy);
            List<String> words = new ArrayList<>();
            for (String w : ShellWords.split(PyRepr.str(cmd))) {
                words.add(frame.expandText(w.replace("$(db)", copy.toString()).replace("$(out)", out)));
            }
            if (words.isEmpty()) {
                throw new Skipped("cmd is empty");
            }
            ChildProcess.End end = ChildProcess.run(words, engine.testDirectory(), Stop.root(), engine.control(),
                    line -> engine.log().line("[report] " + line));
            if (end.exitCode() != 0) {
                throw new Skipped("'" + String.join(" ", words) + "' exited with status " + end.exitCode());
            }
            return String.join(" ", words);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir);
        }
    }

    /** $(host_ip) when the sequence set it, else this host's address. */
    private String hostname() {
        Object ip = engine.dictionary().get("host_ip");
        if (ip != null) {
            return PyRepr.str(ip);
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }
}
