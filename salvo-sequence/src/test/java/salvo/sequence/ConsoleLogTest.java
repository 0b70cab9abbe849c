package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live log's colours (PASS green, FAIL red, WARN yellow, the rest plain; -o turns them off), and its flushing. */
class ConsoleLogTest {
    @TempDir
    Path temp;

    @Test
    void aLineReachesTheTerminalAndTheFileSoonWithoutCloseAndEveryLineByClose() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        Path file = temp.resolve("log.txt");
        ConsoleLog log = new ConsoleLog(out, false, file);
        log.line("first");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!(bytes.toString(StandardCharsets.UTF_8).equals("first\n") && Files.readString(file).equals("first\n"))
                && System.nanoTime() < deadline) {
            Thread.sleep(ConsoleLog.FLUSH_MILLIS / 5);
        }
        assertEquals("first\n", bytes.toString(StandardCharsets.UTF_8), "a quiet log is flushed by its timer");
        assertEquals("first\n", Files.readString(file));
        StringBuilder expected = new StringBuilder("first\n");
        for (int i = 0; i < 2000; i++) {
            log.line("line " + i);
            expected.append("line ").append(i).append('\n');
        }
        log.close();
        assertEquals(expected.toString(), bytes.toString(StandardCharsets.UTF_8));
        assertEquals(expected.toString(), Files.readString(file));
        assertTrue(expected.length() > 8192, "more than one writer buffer went through");
    }

    @Test
    void coloursByWhatALineSays() {
        assertEquals("\u001b[32m<----- step \"a\" finished: PASS\u001b[0m", ConsoleLog.paint("<----- step \"a\" finished: PASS"));
        assertEquals("\u001b[31mFAIL  Check failed\u001b[0m", ConsoleLog.paint("FAIL  Check failed"));
        assertEquals("\u001b[33mWARN  $(x) is not defined\u001b[0m", ConsoleLog.paint("WARN  $(x) is not defined"));
        assertEquals("INFO  sleeping 1.0 s", ConsoleLog.paint("INFO  sleeping 1.0 s"));
    }

    @Test
    void dashOTurnsColourOff() {
        assertFalse(ConsoleLog.colourWanted(true));
    }
}
