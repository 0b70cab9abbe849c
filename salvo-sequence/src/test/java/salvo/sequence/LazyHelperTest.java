package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/**
 * Python starts only for what needs it: expressions that Java evaluates, a sequence without
 * expressions, and -d values that are plain text start no helper; the others start one, once.
 */
class LazyHelperTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Path python;
    private Path starts;

    /** A python_bin that counts its starts, then runs python3. */
    @BeforeEach
    void countingPython() throws IOException {
        starts = dir.resolve("starts.txt");
        python = dir.resolve("counting-python");
        Files.writeString(python, "#!/bin/sh\necho started >> '" + starts + "'\nexec python3 \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private long startCount() throws IOException {
        return Files.exists(starts) ? Files.readAllLines(starts).size() : 0;
    }

    @Test
    void aLoopOfSimpleExpressionsStartsNoPython() throws IOException {
        Path file = Tum.write(dir, "t.tum", """
                main:
                  name: simple
                  steps:
                    - loop:
                        iterator: 20
                        steps:
                          - let: {values: {x: "<| $(loop_param) * 2 |>", half: "<| $(loop_param) / 2 |>"}}
                          - check: {values: ["<| $(x) == $(loop_param) + $(loop_param) and $(half) * 2 == $(loop_param) |>"]}
                """);
        Tum.Ran r = Tum.run(file, "python_bin=" + python, "label=some text");
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals(40L, r.dictionary().get("x"));
        assertEquals(10.0, r.dictionary().get("half"));
        assertEquals("some text", r.dictionary().get("label"));
        assertEquals(0, startCount(), r.log());
    }

    @Test
    void anExpressionThatNeedsPythonStartsOneHelperForLoadAndRun() throws IOException {
        Path file = Tum.write(dir, "t.tum", """
                main:
                  name: python
                  steps:
                    - check: {values: ["<| len('ab') == 2 |>"]}
                    - check: {values: ["<| math.floor(2.5) == 2 |>"]}
                """);
        Tum.Ran r = Tum.run(file, "python_bin=" + python);
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals(1, startCount(), r.log());
    }

    @Test
    void aRelativePythonBinIsLeftToTheStartInTheTestDirectory() throws IOException {
        Path file = Tum.write(dir, "t.tum", """
                main:
                  name: relative
                  steps:
                    - check: {values: ["<| len('ab') == 2 |>"]}
                """);
        Tum.Ran r = Tum.run(file, "python_bin=./counting-python");
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals(1, startCount(), r.log());
    }

    @Test
    void aMissingInterpreterIsStillALoadError() {
        Path file = Tum.write(dir, "t.tum", """
                main:
                  name: none
                  steps: []
                """);
        Tum.Cli cli = Tum.seq("check", file.toString(), "-d", "python_bin=" + dir.resolve("no-such-python"));
        // Salvo's main maps this usage error to exit 4; picocli alone, as here, to 1.
        assertTrue(cli.exit() != 0, cli.toString());
        assertTrue(cli.err().contains("cannot start the Python interpreter"), cli.toString());
        assertFalse(Files.exists(starts));
    }
}
