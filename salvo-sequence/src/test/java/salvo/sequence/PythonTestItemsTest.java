package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Row;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/** unittest and pytest items (§3.8): real pytest on python3 through Salvo's pytest adapter, each test a child row. */
class PythonTestItemsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private void testFiles() {
        Tum.write(dir, "test_mixed.py", """
                import pytest

                def test_ok():
                    print("hello from test_ok")

                def test_bad():
                    assert 1 == 2, "one is not two"

                @pytest.mark.skip(reason="not today")
                def test_skipped():
                    pass

                @pytest.mark.parametrize("n", [1, 2])
                def test_param(n):
                    assert n > 0

                class TestGroup:
                    def test_inner(self):
                        pass
                """);
        Tum.write(dir, "cases.py", """
                import unittest

                class Power(unittest.TestCase):
                    def test_on(self):
                        self.assertTrue(True)

                    def test_off(self):
                        self.assertEqual(1, 0)

                    @unittest.expectedFailure
                    def test_expected(self):
                        self.assertEqual(1, 0)
                """);
    }

    @Test
    void eachTestIsAChildRowAndTheItemFailsNamingTheFailures() {
        testFiles();
        Path tum = Tum.write(dir, "t.tum", """
                main:
                  name: m
                  steps:
                    - pytest: {name: all, test_file: test_mixed.py}
                    - pytest: {name: chosen, test_file: test_mixed.py, test_method: [test_ok, test_param]}
                    - unittest: {name: cases, test_file: cases.py}
                    - unittest: {name: power_on, test_file: cases.py, test_method: test_on}
                """);
        Tum.Ran r = Tum.run(tum);
        Row all = r.row("all");
        assertEquals(Verdict.FAIL, all.verdict(), r.toString());
        assertEquals("1 of 6 tests failed: test_bad", all.message(), r.toString());
        assertEquals(List.of("test_ok=PASS", "test_bad=FAIL", "test_skipped=SKIP", "test_param[1]=PASS",
                "test_param[2]=PASS", "TestGroup::test_inner=PASS"), children(r, all));
        Row bad = r.rows().stream().filter(x -> x.node().name().equals("test_bad")).findFirst().orElseThrow();
        assertTrue(bad.message().contains("one is not two"), bad.message());
        assertEquals("pytest step", bad.type());
        Row ok = r.rows().stream().filter(x -> x.node().name().equals("test_ok")).findFirst().orElseThrow();
        assertTrue(ok.output().contains("hello from test_ok"), ok.output());

        Row chosen = r.row("chosen");
        assertEquals(Verdict.PASS, chosen.verdict(), r.toString());
        assertEquals(List.of("test_ok=PASS", "test_param[1]=PASS", "test_param[2]=PASS"), children(r, chosen));

        Row cases = r.row("cases");
        assertEquals(Verdict.FAIL, cases.verdict(), r.toString());
        // unittest's own order (by name); §3.8: an expected failure FAILs too.
        assertEquals(List.of("Power::test_expected=FAIL", "Power::test_off=FAIL", "Power::test_on=PASS"), children(r, cases));
        assertEquals("unittest step", r.rows().stream().filter(x -> x.node().name().equals("Power::test_on"))
                .findFirst().orElseThrow().type());
        assertEquals(Verdict.PASS, r.row("power_on").verdict(), r.toString());
        assertEquals(List.of("Power::test_on=PASS"), children(r, r.row("power_on")));
        assertEquals(Verdict.FAIL, r.verdict());
    }

    @Test
    void badInputFailsTheItemWithItsReason() {
        Tum.write(dir, "test_broken.py", "import no_such_module_here\n\ndef test_x():\n    pass\n");
        Tum.write(dir, "test_fine.py", "def test_x():\n    pass\n");
        Path tum = Tum.write(dir, "t.tum", """
                main:
                  name: m
                  steps:
                    - pytest: {name: missing, test_file: nowhere/test_gone.py}
                    - pytest: {name: broken, test_file: test_broken.py}
                    - pytest: {name: unknown, test_file: test_fine.py, test_method: [test_x, test_nope]}
                    - unittest: {name: fine, test_file: test_fine.py}
                """);
        Tum.Ran ok = Tum.run(tum);
        assertEquals(Verdict.FAIL, ok.row("missing").verdict(), ok.toString());
        assertTrue(ok.row("missing").message().startsWith("pytest: no test file at \"" + dir.resolve("nowhere/test_gone.py")),
                ok.toString());
        assertEquals(Verdict.FAIL, ok.row("broken").verdict(), ok.toString());
        assertTrue(ok.row("broken").message().contains("no_such_module_here"), ok.row("broken").message());
        assertEquals(Verdict.FAIL, ok.row("unknown").verdict(), ok.toString());
        assertEquals("pytest: test_method names no test of test_fine.py: test_nope", ok.row("unknown").message());
        assertEquals(Verdict.PASS, ok.row("fine").verdict(), ok.toString());
    }

    @Test
    void theReportHasARowPerTestUnderItsItem() throws SQLException {
        testFiles();
        Path tum = Tum.write(dir, "t.tum", """
                report: {export: [{sqlite: {file_name: "%s/r.db"}}]}
                main:
                  name: m
                  steps:
                    - unittest: {name: cases, test_file: cases.py, key: POWER}
                """.formatted(dir));
        Tum.run(tum);
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT t.test_name, t.test_type, t.result, t.level, p.test_name, t.report_key "
                     + "FROM tests t LEFT JOIN tests p ON p.test_id = t.parent_id ORDER BY t.rowid")) {
            while (rs.next()) {
                rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getString(5)), String.valueOf(rs.getString(6))));
            }
        }
        assertEquals(List.of(
                "Power::test_expected|unittest step|FAIL|2|cases|POWER",
                "Power::test_off|unittest step|FAIL|2|cases|POWER",
                "Power::test_on|unittest step|PASS|2|cases|POWER",
                "cases|unittest|FAIL|1|m|POWER",
                "m|default|FAIL|0|null|null"), rows);
    }

    /** The rows directly under {@code item}, as name=verdict. */
    private static List<String> children(Tum.Ran r, Row item) {
        String prefix = item.node().id() + "/";
        return r.rows().stream().filter(x -> x.path().size() == item.path().size() + 1 && x.node().id().startsWith(prefix))
                .map(x -> x.node().name() + "=" + x.verdict()).toList();
    }
}
