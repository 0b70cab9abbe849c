package salvo.pytest.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnSpacesTabsAndNewlines() {
        assertEquals(List.of("test_*.py", "check_*.py", "*_spec.py"), ShellWords.split(" test_*.py\tcheck_*.py\n*_spec.py \n"));
    }

    @Test
    void quotesKeepSpacesInsideOneWord() {
        assertEquals(List.of("my tests", "other dir"), ShellWords.split("'my tests' \"other dir\""));
    }

    @Test
    void quotedAndBareTextNextToEachOtherMakeOneWord() {
        assertEquals(List.of("ab cd"), ShellWords.split("a\"b c\"d"));
    }

    @Test
    void backslashEscapesOutsideQuotesAndOnlyQuoteOrBackslashInsideDoubleQuotes() {
        assertEquals(List.of("a b", "c\\d", "e\"f"), ShellWords.split("a\\ b \"c\\d\" \"e\\\"f\""));
    }

    @Test
    void emptyTextHasNoWords() {
        assertEquals(List.of(), ShellWords.split("  \n "));
    }

    @Test
    void unclosedQuoteIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellWords.split("'tests"));
        assertEquals("no closing quotation (')", e.getMessage());
    }
}
