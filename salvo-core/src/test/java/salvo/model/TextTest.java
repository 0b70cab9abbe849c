package salvo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void capMiddleKeepsHeadAndTailWithinTheLimit() {
        String s = "H".repeat(100) + "m".repeat(1000) + "T".repeat(100);

        String capped = Text.capMiddle(s, 300);

        assertEquals(300, capped.length());
        assertTrue(capped.startsWith("H".repeat(100)), capped);
        assertTrue(capped.endsWith("T".repeat(100)), capped);
        int cut = Integer.parseInt(capped.replaceAll("(?s).*\\[… (\\d+) characters cut …].*", "$1"));
        assertEquals(s.length() - (300 - ("\n[… " + cut + " characters cut …]\n").length()), cut);
    }

    @Test
    void capMiddleIsStableWhenAppliedAgain() {
        String s = "x".repeat(TestResult.MAX_OUTPUT * 2);

        String once = Text.capMiddle(s, TestResult.MAX_OUTPUT);

        assertEquals(once, Text.capMiddle(once, TestResult.MAX_OUTPUT));
    }
}
