package salvo.sequence.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import salvo.error.SalvoError;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Loaded;
import salvo.sequence.load.Step;
import salvo.sequence.report.ExportSpec;
import salvo.sequence.report.ReportDatabase;
import salvo.sequence.report.ReportPlan;
import salvo.sequence.report.ReportRow;
import salvo.sequence.report.SavedFiles;

/**
 * The run's report database (§6.1): opened before main with its header, a row per finished
 * execution of an item (children before parents; none for an item skipped at load), the
 * closing header rows at the end. Item ids are the items' pre-order numbers, so every
 * execution of one item (each loop round) carries the same test_id.
 */
final class ReportRecorder {
    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** Python's json.dumps separators (", " and ": "), as the original wrote the data column. */
    private static final PrettyPrinter PYTHON_STYLE = new MinimalPrettyPrinter() {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    };

    private final Engine engine;
    private final ReportPlan plan;
    private final ReportDatabase db;
    private final Map<String, Integer> ids;
    /** The tests that items ran (§3.8), numbered after the items as they first appear. */
    private final Map<String, Integer> testIds = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String failure;

    private ReportRecorder(Engine engine, ReportPlan plan, ReportDatabase db, Map<String, Integer> ids) {
        this.engine = engine;
        this.plan = plan;
        this.db = db;
        this.ids = ids;
    }

    /**
     * Opens the database where the first sqlite export says (in memory without one); an
     * existing file is kept as -N.saved. A folder that does not exist ends the run before it starts.
     */
    static ReportRecorder open(Engine engine, Loaded loaded, ReportPlan plan, Frame root) {
        ExportSpec sqlite = plan.database();
        Path file = sqlite == null ? null : ReportExports.target(sqlite, root, stem(loaded.file()));
        try {
            if (file != null) {
                if (!Files.isDirectory(file.getParent())) {
                    throw SalvoError.usage("report: the folder of the report database " + file + " does not exist; "
                            + "create it or fix the sqlite export's path/file_name");
                }
                Path saved = SavedFiles.moveAside(file);
                if (saved != null) {
                    engine.log().line("INFO  [report] the previous " + file.getFileName() + " was kept as " + saved.getFileName());
                }
            }
            ReportDatabase db = ReportDatabase.create(file);
            Map<String, Object> d = engine.dictionary().snapshot();
            db.header("report_version", "0.1");
            db.header("test_file", loaded.file().toAbsolutePath().toString());
            db.header("test_name", stem(loaded.file()));
            db.header("test_revision", PyRepr.str(d.getOrDefault("test_version", "")));
            db.header("testium_version", PyRepr.str(d.getOrDefault("testium_version", "")));
            db.header("testrun_date", PyRepr.str(d.getOrDefault("testrun_date", "")));
            db.header("testrun_time", PyRepr.str(d.getOrDefault("testrun_time", "")));
            return new ReportRecorder(engine, plan, db, number(loaded.main()));
        } catch (SQLException | IOException e) {
            throw SalvoError.usage("report: cannot create the report database " + (file == null ? "in memory" : file)
                    + ": " + e.getMessage());
        }
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Map<String, Integer> number(Step main) {
        Map<String, Integer> ids = new HashMap<>();
        ArrayDeque<Step> todo = new ArrayDeque<>(List.of(main));
        while (!todo.isEmpty()) {
            Step s = todo.pop();
            ids.put(s.id(), ids.size() + 1);
            List<Step> children = s.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
        return ids;
    }

    ReportPlan plan() {
        return plan;
    }

    ReportDatabase database() {
        return db;
    }

    /** The row of one finished execution; {@code log} is what its thread printed since its previous row, or null. */
    void finished(Frame frame, Step step, Result r, long startTicks, Duration took, Map<String, Object> data, String log) {
        Integer id = ids.get(step.id());
        if (id == null) {
            return; // not an item of the tree (post-execution's frame)
        }
        String id0 = step.id();
        Integer parent = id0.contains("/") ? ids.get(id0.substring(0, id0.lastIndexOf('/'))) : null;
        boolean action = step.kind().contains(".");
        int level = (int) id0.chars().filter(c -> c == '/').count() - (action ? 1 : 0);
        String name = action ? step.kind().substring(step.kind().indexOf('.') + 1) + (step.name().isEmpty() ? ""
                : " - " + step.name()) : step.name();
        Map<String, Object> all = new TreeMap<>(data);
        if (step.has("condition")) {
            all.put("input_condition", PyRepr.str(step.field("condition")));
        }
        if (step.has("expected_result")) {
            all.put("expected", step.field("expected_result"));
        }
        insert(new ReportRow(startTicks, id, parent, level, name, step.type(), key(step, frame), r.verdict().name(),
                r.shownMessage(), took.toNanos() / 100_000, log, json(all)), frame);
    }

    /**
     * The row of a test that the item of {@code frame} ran, one level below it. Each distinct
     * test gets an id after the items' numbers, the same in every execution of its item.
     */
    void testFinished(Frame frame, String name, String type, Result r, long startTicks, Duration took,
                      Map<String, Object> data, String log) {
        Integer parent = ids.get(frame.step.id());
        if (parent == null) {
            return;
        }
        int id = testIds.computeIfAbsent(frame.step.id() + "/" + name, k -> ids.size() + testIds.size() + 1);
        int level = (int) frame.step.id().chars().filter(c -> c == '/').count() + 1;
        insert(new ReportRow(startTicks, id, parent, level, name, type, key(frame.step, frame), r.verdict().name(),
                r.shownMessage(), took.toNanos() / 100_000, log, json(new TreeMap<>(data))), frame);
    }

    private void insert(ReportRow row, Frame frame) {
        try {
            db.insert(row);
        } catch (SQLException e) {
            if (failure == null) {
                failure = e.getMessage();
                frame.warn("[report] a row could not be written: " + e.getMessage());
            }
        }
    }

    private static String key(Step step, Frame frame) {
        if (!step.has("key")) {
            return null;
        }
        Object key = frame.field("key");
        if (key instanceof List<?> l) {
            return String.join(", ", l.stream().map(PyRepr::str).toList());
        }
        return PyRepr.str(key);
    }

    private static String json(Map<String, Object> data) {
        try {
            return SORTED.writer(PYTHON_STYLE).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return SORTED.createObjectNode().put("unserialisable", String.valueOf(data)).toString();
        }
    }

    /** The closing header rows (test_result, test_duration as H:MM:SS.ffffff). */
    void close(Verdict verdict, Duration took) {
        try {
            db.header("test_result", verdict.name());
            db.header("test_duration", duration(took));
        } catch (SQLException e) {
            engine.log().line("WARN  [report] the closing header could not be written: " + e.getMessage());
        }
    }

    void release() {
        try {
            db.close();
        } catch (SQLException e) {
            engine.log().line("WARN  [report] the report database did not close cleanly: " + e.getMessage());
        }
    }

    static String duration(Duration d) {
        long micros = d.toNanos() / 1000;
        long seconds = micros / 1_000_000;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%06d", seconds / 3600, seconds / 60 % 60, seconds % 60,
                micros % 1_000_000);
    }
}
