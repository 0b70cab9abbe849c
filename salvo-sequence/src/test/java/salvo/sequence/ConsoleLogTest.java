package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The live log's colours: PASS green, FAIL red, WARN yellow, the rest plain; -o turns them off. */
class ConsoleLogTest {
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
