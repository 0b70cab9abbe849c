package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `salvo run --tui` where no dashboard can be drawn: one notice on stderr, then the plain output. */
class TuiFallbackTest {
    @TempDir
    Path dir;

    private void suite() {
        Salvo.write(dir, "test_ok.py", "def test_a():\n    pass\n");
    }

    @Test
    void withoutATerminalItSaysSoOnceAndPrintsPlainLines() {
        suite();
        Salvo.Result r = Salvo.run(dir, Map.of("TERM", "xterm-256color"), "run", "--tui");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.err().lines().filter(l -> l.contains("--tui")).count(), r.err());
        assertTrue(r.err().contains("stdout or stdin is not a terminal"), r.err());
        assertTrue(r.out().contains("PASSED   test_ok.py"), r.out());
        assertFalse(r.out().contains("\u001b"), "nothing garbled reaches a log:\n" + r.out());
        assertTrue(Files.isRegularFile(dir.resolve(".salvo/last_run.json")));
    }

    @Test
    void aDumbTerminalFallsBackToo() {
        suite();
        Salvo.Result r = Salvo.run(dir, Map.of("TERM", "dumb"), "run", "--tui");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("--tui needs an interactive terminal (TERM is dumb)"), r.err());
        assertFalse(r.out().contains("\u001b"), r.out());
    }
}
