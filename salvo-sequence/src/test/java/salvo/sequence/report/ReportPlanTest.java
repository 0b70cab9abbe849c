package salvo.sequence.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of reports: which exports a run has, their entries, shell words, the text and JUnit renderings. */
class ReportPlanTest {
    @Test
    void aRootSectionOrTheCommandLineRecordsAReport() {
        assertNull(ReportPlan.of(null, null));
        assertNull(ReportPlan.of(Map.of("enabled", false, "export", List.of()), null));
        ReportPlan plan = ReportPlan.of(Map.of("log_stored", true, "export", List.of(Map.of("sqlite", Map.of("file_name", "a.db")),
                Map.of("junit", Map.of()))), null);
        assertTrue(plan.logStored());
        assertEquals(List.of("sqlite", "junit"), plan.exports().stream().map(ExportSpec::format).toList());
        assertEquals("a.db", plan.database().fields().get("file_name"));

        ReportPlan cli = ReportPlan.of(Map.of("export", List.of(Map.of("json", Map.of()))),
                new ReportPlan.CliExport(null, "out", "r.xml"));
        assertEquals(1, cli.exports().size());
        assertEquals("junit", cli.exports().get(0).format(), "§9.17: -p/-n without -t infer the format");
        assertEquals(Map.of("path", "out", "file_name", "r.xml"), cli.exports().get(0).fields());
        assertEquals("sqlite", ReportPlan.of(null, new ReportPlan.CliExport(null, "x.bin", null)).exports().get(0).format());
        assertEquals("html", ReportPlan.of(null, new ReportPlan.CliExport("html", null, null)).exports().get(0).format());
        assertNull(ReportPlan.of(null, new ReportPlan.CliExport(null, null, null)));
    }

    @Test
    void exportEntriesSingleOrListAndBadOnesMarked() {
        assertEquals(1, ExportSpec.list(Map.of("text", Map.of())).size(), "§9.27: one entry is allowed");
        List<ExportSpec> l = ExportSpec.list(List.of("junit", Map.of("a", 1, "b", 2)));
        assertFalse(l.get(0).valid());
        assertFalse(l.get(1).valid());
        assertEquals(List.of("A%", "B"), new ExportSpec("junit", Map.of("key", List.of("A%", "B")), true)
                .filter("key", String::valueOf));
    }

    @Test
    void shellWords() {
        assertEquals(List.of("cp", "a b", "c", "d\"e", "$x"), ShellWords.split("cp 'a b' c \"d\\\"e\" \\$x"));
        assertEquals(List.of(), ShellWords.split("   "));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'open"));
    }

    @Test
    void textAndJunitRenderings() {
        ReportRow main = new ReportRow(0, 1, null, 0, "m", "default", null, "FAIL", "a step failed", 20_000, null, "{}");
        ReportRow ok = new ReportRow(1, 2, 1, 1, "a", "Let", "K", "PASS", "PASS", 5_000, "log line\n", "{}");
        ReportRow bad = new ReportRow(2, 3, 1, 1, "b <x>", "Check value", null, "FAIL", "FAIL", 100, null, "{}");
        ReportRow skip = new ReportRow(3, 4, 1, 1, "c", "Let", null, "SKIP", "condition not met", 0, null, "{}");
        ExportInput in = new ExportInput("rep", Map.of("test_result", "FAIL"), List.of(main, ok, bad, skip), "10.0.0.1");
        String text = TextExport.render(in);
        assertEquals(List.of("m", "| a", "| b <x>", "Overall test status"),
                text.lines().map(l -> l.replaceAll(" \\.+ (PASS|FAIL)$", "")).toList());
        assertTrue(text.lines().allMatch(l -> l.length() == TextExport.WIDTH), text);
        String xml = JunitExport.render(in);
        assertTrue(xml.contains("<testsuite name=\"rep\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\" time=\"2.0000\" "
                + "hostname=\"10.0.0.1\""), xml);
        assertTrue(xml.contains("<testcase name=\"b &lt;x&gt;\" classname=\"Check value\" time=\"0.0100\">\n"
                + "    <failure message=\"test failure\">test failure</failure>"), xml);
        assertTrue(xml.contains("<system-out>log line\n</system-out>"), xml);
        assertTrue(xml.contains("<skipped message=\"condition not met\"/>"), xml);
    }
}
