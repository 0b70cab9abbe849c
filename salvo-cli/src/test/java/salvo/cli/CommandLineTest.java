package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `salvo` command itself: which commands it offers, and the class list the launcher asks a first run for. */
class CommandLineTest {
    private static final List<String> COMMANDS = List.of("report", "compare", "history", "run", "watch", "worker", "seq");

    @TempDir
    Path dir;

    @Test
    void withoutACommandOrWithHelpEveryCommandIsListed() {
        for (String[] args : List.of(new String[0], new String[] {"--help"})) {
            Salvo.Result r = Salvo.run(dir, args);
            assertEquals(0, r.exit(), r.toString());
            for (String command : COMMANDS) {
                assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + " in:\n" + r);
            }
        }
    }

    @Test
    void aCommandTypedIsTheOneThatAnswers() {
        Salvo.Result run = Salvo.run(dir, "run", "--help");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("Usage: salvo run "), run.toString());
        Salvo.Result seq = Salvo.run(dir, "seq", "--help");
        assertTrue(seq.out().startsWith("Usage: salvo seq "), seq.toString());
        Salvo.assertOneLineError(Salvo.run(dir, "histroy"), "Unmatched argument at index 0: 'histroy'");
    }

    @Test
    void aRunThatWentToItsEndKeepsItsClassListAndOneThatDidNotLeavesIt() throws Exception {
        Salvo.write(dir, "test_one.py", "def test_one():\n    assert False\n");
        Path listed = dir.resolve("classes.listing");
        Path kept = dir.resolve("classes");
        Map<String, String> listing = Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + listed
                + " -Dsalvo.classes.listed=" + listed + " -Dsalvo.classes.kept=" + kept);

        Salvo.Result refused = Salvo.run(dir, listing, "run", "--no-such-option");
        assertEquals(ExitCode.USAGE_ERROR, refused.exit(), refused.toString());
        assertFalse(Files.exists(kept), "a list cut short by an error is not kept");
        assertTrue(Files.exists(listed), "the JVM listed the classes: " + refused);

        Salvo.Result failed = Salvo.run(dir, listing, "run", "-w", "1", "--store", dir.resolve(".salvo").toString());
        assertEquals(ExitCode.FAILED, failed.exit(), failed.toString());
        assertFalse(Files.exists(listed));
        assertTrue(Files.readString(kept).contains("picocli/CommandLine"), "the whole run's classes are kept");
    }
}
