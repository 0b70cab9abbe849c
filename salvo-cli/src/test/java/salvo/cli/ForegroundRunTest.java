package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;

/** `-w 0` and `--pdb`: one pytest process sharing the terminal, results still recorded per file. */
class ForegroundRunTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private void suite() {
        Salvo.write(dir, "test_ok.py", "def test_a():\n    assert True\n\ndef test_b():\n    assert True\n");
        Salvo.write(dir, "test_bad.py", "def test_c():\n    x = 41\n    assert x + 1 == 43\n");
    }

    private Map<String, String> unitOutcomes() throws Exception {
        JsonNode run = new ObjectMapper().readTree(dir.resolve(".salvo/last_run.json").toFile());
        Map<String, String> outcomes = new HashMap<>();
        run.path("units").forEach(u -> outcomes.put(u.path("id").asText(), u.path("outcome").asText()));
        return outcomes;
    }

    @Test
    void oneForegroundProcessStillRecordsEachFile() throws Exception {
        suite();
        Salvo.Result r = Salvo.run(dir, "run", "-w", "0");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("1 failed, 2 passed"), "pytest's own output reaches the terminal: " + r.out());
        assertEquals(Map.of("test_ok.py", "PASSED", "test_bad.py", "FAILED"), unitOutcomes());
    }

    @Test
    void pdbStopsAtTheFailureAndTakesCommandsFromTheTerminal() throws Exception {
        suite();
        Process salvo = Salvo.start(dir, Map.of(), "run", "--pdb", "test_bad.py");
        try (OutputStream keyboard = salvo.getOutputStream()) {
            keyboard.write("p x\ncontinue\n".getBytes(StandardCharsets.UTF_8));
        }
        Salvo.Result r = Salvo.finish(salvo, 120);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("(Pdb)"), "the debugger prompted: " + r.out());
        assertTrue(r.out().contains("41"), "and answered `p x`: " + r.out());
        assertEquals(Map.of("test_bad.py", "FAILED"), unitOutcomes());
    }

    @Test
    void foregroundRefusesWhatItCannotDo() {
        suite();
        Salvo.Result r = Salvo.run(dir, "run", "-w", "0", "--isolation", "persistent");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("one foreground process"), r.err());
    }
}
