package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo seq run} with an operator, in a real terminal (tmux): the operator answers a
 * question and a value dialog (a wrong value is refused first), pauses and resumes the run,
 * then stops it; the teardown item still runs, the report keeps every item's result, and the
 * terminal is given back.
 */
class SeqOperatorEndToEndTest {
    private static final String SEQUENCE = """
            main:
              name: bench
              steps:
                - dialog_question: {name: ready, question: "Is the DUT powered?"}
                - dialog_value: {name: serial, question: "Serial number?", default: 100}
                - check: {name: serial-typed, values: ["<| $(serial) == 4242 |>"]}
                - sleep: {name: warmup, timeout: 5}
                - let: {name: cooldown, values: {cooled: yes}}
                - group:
                    name: soak
                    steps:
                      - sleep: {name: soak-sleep, timeout: 600}
                - let: {name: never, values: {x: 1}}
                - let: {name: teardown, execute_on_stop: true, values: {down: true}}
            report:
              export: [{sqlite: {file_name: run.db}}]
            """;

    @TempDir
    Path dir;

    @Test
    void operatorAnswersPausesResumesStopsAndGetsTheTerminalBack() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed at " + Tmux.TMUX);
        Files.writeString(dir.resolve("bench.tum"), SEQUENCE);
        Path launcher = Tmux.writeLauncher(dir);
        try (Tmux tmux = new Tmux(dir, 120, 36)) {
            tmux.typeLine(launcher + " seq run bench.tum; echo \"exit=$?\"");

            String question = tmux.awaitPane(p -> p.contains("Is the DUT powered?"), "the question dialog");
            assertEquals("1", tmux.alternateOn(), "the operator view is on the alternate screen:\n" + question);
            assertTrue(question.contains("Question dialog \"ready\""), question);
            assertTrue(question.contains("RUN  ready"), "the running item is marked in the tree:\n" + question);
            tmux.type("y");

            String value = tmux.awaitPane(p -> p.contains("Serial number?"), "the value dialog");
            assertTrue(value.contains("> 100"), "the default pre-fills the value:\n" + value);
            assertTrue(value.contains("PASS ready"), "the answered question passed:\n" + value);
            tmux.press("BSpace", "BSpace", "BSpace");
            tmux.type("abc");
            tmux.press("Enter");
            tmux.awaitPane(p -> p.contains("'abc' is not a whole number"), "the wrong value refused");
            tmux.press("BSpace", "BSpace", "BSpace");
            tmux.type("4242");
            tmux.press("Enter");

            tmux.awaitPane(p -> p.contains("RUN  warmup"), "the warm-up sleep");
            tmux.type("p");
            String paused = tmux.awaitPane(p -> p.contains("PAUSED before \"cooldown\""), "the run to pause at cooldown");
            assertTrue(paused.contains("PASS warmup"), paused);
            assertTrue(paused.contains("cooldown  (paused here)"), paused);
            assertTrue(paused.contains("serial = 4242"), "the dictionary shows the typed value:\n" + paused);
            tmux.type("p");

            tmux.awaitPane(p -> p.contains("RUN  soak-sleep") && p.contains("PASS cooldown"), "the run to resume");
            tmux.type("s");
            String after = tmux.awaitExit();
            assertTrue(after.lines().anyMatch("exit=2"::equals), "a stopped run exits 2:\n" + after);
            assertTrue(after.contains("PASS  teardown"), "the summary shows the teardown ran:\n" + after);
            tmux.assertTerminalRestored();
        }

        Map<String, String> results = results(dir.resolve("run.db"));
        assertEquals("PASS", results.get("ready"), results.toString());
        assertEquals("PASS", results.get("serial"), results.toString());
        assertEquals("PASS", results.get("serial-typed"), "the typed value is a number:" + results);
        assertEquals("PASS", results.get("warmup"), results.toString());
        assertEquals("PASS", results.get("cooldown"), results.toString());
        assertEquals("FAIL: Sleep aborted on stop request", results.get("soak-sleep"), results.toString());
        assertEquals("PASS", results.get("teardown"), "execute_on_stop ran after the stop:" + results);
        assertFalse(results.containsKey("never"), "nothing else ran after the stop:" + results);
    }

    /** The report's tests table: result (and the message of a FAIL) by item name. */
    private static Map<String, String> results(Path db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT test_name, result, message FROM tests ORDER BY timestamp_start")) {
            while (rs.next()) {
                String result = rs.getString(2);
                out.put(rs.getString(1), result.equals("FAIL") ? result + ": " + rs.getString(3) : result);
            }
        }
        return out;
    }
}
