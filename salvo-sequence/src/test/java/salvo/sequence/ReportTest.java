package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import salvo.error.SalvoError;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/** The report database and its exports (§6.1, §6.2, §3.15), read back with plain SQL and real parsers. */
class ReportTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Path write(String report, String steps) {
        return Tum.write(dir, "rep.tum", report.formatted(dir) + "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4));
    }

    private static final String STEPS = """
            - group:
                name: g
                key: G_KEY
                steps:
                  - let: {name: set, key: [K_PASS, other], values: {x: 1}}
                  - check: {name: bad, values: ["<| 1 == 2 |>"], report: {extra: 5}}
            - let: {name: never, skipped: true, values: {y: 1}}
            - loop:
                name: lp
                iterator: 2
                steps: [{let: {name: inloop, values: {z: "$(loop_param)"}}}]
            - report: {name: mid, export: {json: {path: "%1$s", file_name: mid.json}}}
            - console:
                name: con
                console_name: sh
                steps:
                  - open: {protocol: terminal, shell: /bin/sh}
                  - writeln: {name: hello, value: echo hi}
                  - close:
            """;

    /** Every row of the tests table, as maps of column to value, in rowid order. */
    static List<Map<String, Object>> rows(Path db, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(String.valueOf(r.get("test_name")), r));
        return out;
    }

    @Test
    void theDatabaseHoldsTheOriginalsTablesAndARowPerExecution() throws Exception {
        Path file = write("""
                report:
                  log_stored: true
                  export:
                    - sqlite: {path: "%1$s", file_name: rep.db}
                """, STEPS.replace("%1$s", dir.toString()));
        Tum.Ran r = Tum.run(file);
        assertEquals(Verdict.FAIL, r.verdict(), r.toString());
        Path db = dir.resolve("rep.db");
        assertTrue(Files.isRegularFile(db), r.log());

        List<Map<String, Object>> header = rows(db, "SELECT key, value FROM header ORDER BY rowid");
        List<String> keys = header.stream().map(h -> (String) h.get("key")).toList();
        assertEquals(List.of("report_version", "test_file", "test_name", "test_revision", "testium_version", "testrun_date",
                "testrun_time", "test_result", "test_duration"), keys);
        assertEquals("0.1", header.get(0).get("value"));
        assertEquals(file.toString(), header.get(1).get("value"));
        assertEquals("rep", header.get(2).get("value"));
        assertEquals("FAIL", header.get(7).get("value"));
        assertTrue(String.valueOf(header.get(8).get("value")).matches("\\d+:\\d\\d:\\d\\d\\.\\d{6}"), header.toString());

        List<Map<String, Object>> all = rows(db, "SELECT * FROM tests ORDER BY rowid");
        List<String> columns = new ArrayList<>(all.get(0).keySet());
        assertEquals(List.of("timestamp_start", "test_id", "parent_id", "level", "test_name", "test_type", "report_key",
                "result", "message", "duration", "log", "data"), columns);
        // Children before parents; the loop's item once per round, with one test_id; no row for the skipped item.
        List<String> order = all.stream().map(x -> (String) x.get("test_name")).toList();
        assertEquals(List.of("set", "bad", "g", "inloop", "inloop", "lp", "mid", "open", "writeln - hello", "close",
                "con", "m"), order, order.toString());
        Map<String, Map<String, Object>> named = byName(all);
        Map<String, Object> main = named.get("m");
        assertNull(main.get("parent_id"));
        assertEquals(0, main.get("level"));
        assertEquals("default", main.get("test_type"));
        assertEquals("FAIL", main.get("result"));
        Object mainId = main.get("test_id");
        Map<String, Object> g = named.get("g");
        assertEquals(mainId, g.get("parent_id"));
        assertEquals(1, g.get("level"));
        assertEquals("Group", g.get("test_type"));
        assertEquals("G_KEY", g.get("report_key"));
        assertEquals(g.get("test_id"), named.get("set").get("parent_id"));
        assertEquals(2, named.get("set").get("level"));
        assertEquals("K_PASS, other", named.get("set").get("report_key"));
        assertEquals("PASS", named.get("set").get("message"), "an empty message is the verdict");
        assertEquals("Let", named.get("set").get("test_type"));
        assertEquals("FAIL", named.get("bad").get("result"));
        assertEquals("Check failed: '<| 1 == 2 |>' evaluated to False", named.get("bad").get("message"));
        assertEquals("{\"extra\": 5}", named.get("bad").get("data"));
        assertEquals("{\"x\": 1}", named.get("set").get("data"));
        List<Map<String, Object>> inloop = all.stream().filter(x -> "inloop".equals(x.get("test_name"))).toList();
        assertEquals(inloop.get(0).get("test_id"), inloop.get(1).get("test_id"));
        assertEquals(named.get("lp").get("test_id"), inloop.get(0).get("parent_id"));
        assertEquals(2, inloop.get(0).get("level"));
        // Actions carry their item's level and name themselves <action> - <name>.
        assertEquals(1, named.get("writeln - hello").get("level"));
        assertEquals("Console action", named.get("writeln - hello").get("test_type"));
        assertEquals(named.get("con").get("test_id"), named.get("writeln - hello").get("parent_id"));
        // A row's log is what its thread printed since its previous row: the first child carries the banners before it.
        String setLog = String.valueOf(named.get("set").get("log"));
        assertTrue(setLog.contains("global value \"x\" set to \"1\""), setLog);
        assertTrue(setLog.contains("-----> step \"g\" started"), setLog);
        assertEquals("FAIL  a step failed\n<----- step \"g\" finished: FAIL\n", named.get("g").get("log"));
        assertTrue(((Number) named.get("lp").get("duration")).longValue() >= 0);
        assertTrue(((Number) named.get("lp").get("timestamp_start")).longValue()
                >= ((Number) named.get("g").get("timestamp_start")).longValue());
        assertFalse(order.contains("never"));

        // The report item exported the rows so far, without a header.
        JsonNode mid = new ObjectMapper().readTree(dir.resolve("mid.json").toFile());
        assertEquals(List.of("mid"), iterator(mid.fieldNames()));
        assertEquals(6, mid.get("mid").size(), mid.toString());
        assertEquals(Verdict.PASS, r.row("mid").verdict());
        assertTrue(r.dictionary().get("test_outputs").toString().contains(db.toString()));
    }

    private static List<String> iterator(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void everyExportFormatAtCloseAndSkippedOnesSayWhy() throws Exception {
        Path file = write("""
                report:
                  export:
                    - junit: {file_name: "%1$s/j.xml", key: ["K_%%"]}
                    - json: {path: "%1$s/out.json"}
                    - text: {path: "%1$s", file_name: out.txt}
                    - html: {path: "%1$s", file_name: out.html}
                    - command: {cmd: "cp $(db) '$(out)'", path: "%1$s", file_name: "copy of.db"}
                    - pdfx: {file_name: x.pdf}
                    - junit: {file_name: "%1$s/missing/j.xml"}
                    - command: {cmd: "false"}
                """, """
                - let: {name: one, key: K_ONE, values: {a: 1}}
                - check: {name: two, key: K_TWO, values: [false]}
                - let: {name: three, values: {b: 2}}
                """);
        Tum.Ran r = Tum.run(file);
        assertEquals(Verdict.FAIL, r.verdict());

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("j.xml").toFile());
        Element suite = junit.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("rep", suite.getAttribute("name"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength(), "the key filter keeps K_ONE and K_TWO");
        Element two = (Element) cases.item(1);
        assertEquals("two", two.getAttribute("name"));
        assertEquals("Check failed: 'False' evaluated to False",
                ((Element) two.getElementsByTagName("failure").item(0)).getAttribute("message"));
        assertEquals(1, two.getElementsByTagName("system-out").getLength());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
        assertEquals(List.of("header", "tests"), iterator(json.fieldNames()));
        assertEquals("FAIL", json.get("header").get("test_result").asText());
        assertEquals(4, json.get("tests").size());
        assertEquals("m", json.get("tests").get(0).get("test_name").asText(), "rows ordered by start: main first");
        assertEquals(List.of("timestamp_start", "test_id", "parent_id", "data", "level", "test_name", "test_type",
                "report_key", "result", "message", "duration", "log"), iterator(json.get("tests").get(1).fieldNames()));
        assertEquals(1, json.get("tests").get(1).get("data").get("a").asInt());
        assertTrue(Files.readString(dir.resolve("out.json")).contains("\n    \"header\": {"), "indented by 4");

        String text = Files.readString(dir.resolve("out.txt"));
        assertTrue(text.lines().anyMatch(l -> l.matches("\\| two \\.+ FAIL")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("m \\.+ FAIL")), text);
        assertTrue(text.strip().lines().reduce((a, b) -> b).orElseThrow().matches("Overall test status \\.+ FAIL"), text);

        String html = Files.readString(dir.resolve("out.html"));
        assertTrue(html.contains("Test conditions") && html.contains("Logs") && html.contains(">two<"), html);

        List<Map<String, Object>> copied = rows(dir.resolve("copy of.db"), "SELECT test_name, result FROM tests ORDER BY rowid");
        assertEquals(List.of("one", "two", "three", "m"), copied.stream().map(x -> x.get("test_name")).toList());

        assertTrue(r.log().contains("WARN  [report] Export skipped: pdfx: no exporter named 'pdfx'; the formats are "
                + "sqlite, junit, json, text, html, command"), r.log());
        assertTrue(r.log().contains("[report] Export skipped: junit: the folder " + dir.resolve("missing")
                + " does not exist"), r.log());
        assertTrue(r.log().contains("[report] Export skipped: command: 'false' exited with status 1"), r.log());
        assertEquals(Verdict.PASS, r.row("one").verdict(), "exports never change a verdict");
    }

    @Test
    void anExistingReportIsKeptAsSavedAndAMissingFolderAbortsTheRun() throws Exception {
        Path file = write("report: {export: [{sqlite: {file_name: \"%1$s/r.db\"}}]}\n",
                "- let: {name: a, condition: \"<| True |>\", expected_result: pass, values: {z: {y: 1, b: 2}, a: 1}}\n");
        assertEquals(Verdict.PASS, Tum.run(file).verdict());
        assertEquals("{\"a\": 1, \"expected\": \"pass\", \"input_condition\": \"<| True |>\", \"z\": {\"b\": 2, \"y\": 1}}",
                rows(dir.resolve("r.db"), "SELECT data FROM tests WHERE test_name = 'a'").get(0).get("data"), "sorted keys");
        assertEquals(Verdict.PASS, Tum.run(file).verdict());
        assertEquals(Verdict.PASS, Tum.run(file).verdict());
        assertTrue(Files.isRegularFile(dir.resolve("r.db-1.saved")));
        assertTrue(Files.isRegularFile(dir.resolve("r.db-2.saved")));
        assertEquals(2, rows(dir.resolve("r.db-1.saved"), "SELECT * FROM tests").size());

        Path missing = write("report: {export: [{sqlite: {file_name: \"%1$s/nope/r.db\"}}]}\n",
                "- let: {name: a, values: {ran: 1}}\n");
        SalvoError e = assertThrows(SalvoError.class, () -> Tum.run(missing));
        assertTrue(e.getMessage().startsWith("report: the folder of the report database " + dir.resolve("nope/r.db")
                + " does not exist"), e.getMessage());
    }

    @Test
    void theExportsRunAtCloseAfterAStop() throws Exception {
        Path file = write("report: {export: [{sqlite: {file_name: \"%1$s/s.db\"}}, {text: {file_name: \"%1$s/s.txt\"}}]}\n",
                """
                - let: {name: before, values: {a: 1}}
                - sleep: {name: long, timeout: 60}
                - let: {name: after, values: {b: 1}}
                """);
        try (SequenceSession s = new SequenceSession(salvo.sequence.load.LoadOptions.of(file), new salvo.execute.RunControl())) {
            assertTrue(s.load().ok());
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    return;
                }
                s.stop();
            });
            stopper.start();
            Verdict v = s.run(line -> { }, salvo.sequence.engine.Rows.NONE);
            stopper.join();
            assertEquals(Verdict.FAIL, v, "the stopped sleep failed");
        }
        List<Map<String, Object>> rows = rows(dir.resolve("s.db"), "SELECT test_name, result, message FROM tests ORDER BY rowid");
        assertEquals(List.of("before", "long", "m"), rows.stream().map(x -> x.get("test_name")).toList());
        assertEquals("Sleep aborted on stop request", rows.get(1).get("message"));
        assertEquals("FAIL", rows(dir.resolve("s.db"), "SELECT value FROM header WHERE key = 'test_result'").get(0).get("value"));
        assertTrue(Files.readString(dir.resolve("s.txt")).contains("Overall test status"));
    }

    @Test
    void theCommandLinesSingleExportReplacesTheList() throws Exception {
        Path file = write("report: {export: [{json: {file_name: \"%1$s/never.json\"}}]}\n",
                "- let: {name: a, values: {a: 1}}\n");
        Tum.Cli cli = Tum.seq("run", "-b", "-o", "-p", dir.toString(), "-n", "cli.xml", file.toString());
        assertEquals(0, cli.exit(), cli.toString());
        assertFalse(Files.exists(dir.resolve("never.json")));
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("cli.xml").toFile());
        assertEquals(2, junit.getElementsByTagName("testcase").getLength());

        Path plain = Tum.write(dir, "plain.tum", "main:\n  name: p\n  steps: [{let: {name: a, values: {a: 1}}}]\n");
        Tum.Cli t = Tum.seq("run", "-b", "-o", "-t", "sqlite", "-p", dir.resolve("t.db").toString(), plain.toString());
        assertEquals(0, t.exit(), t.toString());
        assertEquals(List.of("a", "p"), rows(dir.resolve("t.db"), "SELECT test_name FROM tests ORDER BY rowid").stream()
                .map(x -> x.get("test_name")).toList());
    }
}
