package salvo.sequence.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Java's evaluation of the common expressions, with Python's semantics; the rest is refused for Python. */
class SimpleEvaluatorTest {
    private static Object eval(String text) {
        return SimpleEvaluator.eval(text);
    }

    private static void refused(String text) {
        assertThrows(SimpleParser.Unsupported.class, () -> SimpleEvaluator.eval(text), text);
    }

    @Test
    void intsStayIntsAndTrueDivisionGivesFloats() {
        assertEquals(20L, eval("10 * 2"));
        assertEquals(3.5, eval("7 / 2"));
        assertEquals(2.0, eval("10 / 5"));
        assertEquals(-4L, eval("-7 // 2"));
        assertEquals(2L, eval("-7 % 3"));
        assertEquals(-2L, eval("7 % -3"));
        assertEquals(2L, eval("True + 1"));
        assertEquals(-1L, eval("-True"));
        assertEquals(2.5, eval("1 + 1.5"));
        assertEquals(0.30000000000000004, eval("0.1 + 0.2"));
        assertEquals(1000.0, eval("1e3"));
        assertEquals(0.5, eval(".5"));
    }

    @Test
    void comparisonsChainAndMixNumbers() {
        assertEquals(true, eval("1 < 2 < 3"));
        assertEquals(false, eval("1 < 3 < 2"));
        assertEquals(true, eval("1 == 1.0 == True"));
        assertEquals(false, eval("'1' == 1"));
        assertEquals(true, eval("None == None"));
        assertEquals(true, eval("'abc' < 'abd'"));
        assertEquals(true, eval("20 == 10 + 10"));
    }

    @Test
    void andOrGiveAnOperandAndNotABoolean() {
        assertEquals("x", eval("1 and 'x'"));
        assertEquals(0L, eval("0 and 'x'"));
        assertEquals("", eval("'' and 1"));
        assertEquals(2.5, eval("0 or 2.5"));
        assertNull(eval("0 or None"));
        assertEquals(true, eval("not ''"));
        assertEquals(false, eval("not 1 == 1"));
        // The right operand is not evaluated when the left decides: Python's 1/0 is never reached.
        assertEquals(false, eval("False and 1 / 0"));
    }

    @Test
    void whatPythonWouldRaiseOrReadDifferentlyIsRefused() {
        for (String text : new String[] {"1 / 0", "1 // 0", "1.0 / 0", "1 % 0", "1 < 'a'", "'a' + 1", "'a' * 3", "-'a'",
                "None < 1", "x", "x == 1", "len('a')", "math.pi", "2 ** 3", "[1]", "(1, 2)", "1 if True else 2", "1_000",
                "0x1F", "007", "1j", "'a\\n'", "r'a'", "b'a'", "'''a'''", "'a' 'b'", "1 in [1]", "1 is 1", "a.b", "1e308 * 10",
                "9223372036854775807 + 1", "123456789012345678901", "9007199254740993 / 1", "1 +", "(1", "1 = 1", "# c", "1\n+ 1",
                "not", "lambda: 1", "1.5 // 1", "1.5 % 1", "'a' % 1"}) {
            refused(text);
        }
    }

    @Test
    void theParserAcceptsNamesForTheLoadTimeSyntaxCheck() {
        assertTrue(SimpleParser.parses("_v * 2 == _v + _v"));
        assertTrue(SimpleParser.parses("not _v and (_v or 1)"));
        assertFalse(SimpleParser.parses("_v.x"));
        assertFalse(SimpleParser.parses("if == 1"));
        assertFalse(SimpleParser.parses("_v("));
    }

    @Test
    void literalsAreConstantsOrSignedNumbers() {
        assertEquals(-5L, SimpleEvaluator.literal("-5"));
        assertEquals("a b", SimpleEvaluator.literal("'a b'"));
        assertEquals(true, SimpleEvaluator.literal("True"));
        assertThrows(SimpleParser.Unsupported.class, () -> SimpleEvaluator.literal("1 + 2"));
        assertThrows(SimpleParser.Unsupported.class, () -> SimpleEvaluator.literal("abc"));
    }
}
