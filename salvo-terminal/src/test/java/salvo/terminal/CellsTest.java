package salvo.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import salvo.model.NodeId;

class CellsTest {

    @Test
    void wideCharactersTakeTwoCellsAndCombiningMarksNone() {
        assertEquals(4, Cells.width("测试"));
        assertEquals(2, Cells.width("😀"));
        assertEquals(1, Cells.width("e\u0301"));
        assertEquals(3, Cells.width("abc"));
    }

    @Test
    void cuttingNeverSplitsAWideCharacterNorOverflows() {
        String s = "测试测试测试";
        for (int max = 0; max <= 13; max++) {
            assertTrue(Cells.width(Cells.fitRight(s, max)) <= max, "fitRight " + max);
            assertTrue(Cells.width(Cells.fitLeft(s, max)) <= max, "fitLeft " + max);
            assertTrue(Cells.width(Cells.fitMiddle(s, max)) <= max, "fitMiddle " + max);
        }
        assertEquals("测…", Cells.fitRight(s, 4));
        assertEquals("…试", Cells.fitLeft(s, 4));
        // A surrogate pair (emoji) is kept whole or dropped whole.
        assertEquals("a…", Cells.fitRight("a😀b😀", 3));
    }

    @Test
    void longTestIdKeepsTheFileTailAndTheWholeTestName() {
        String id = "tests/integration/very/deep/package/test_payments.py::TestRefunds::test_partial_refund";
        String cut = Cells.fitTestId(NodeId.ofUnit("tests/integration/very/deep/package/test_payments.py")
                .child(NodeId.Kind.CONTAINER, "tests/integration/very/deep/package/test_payments.py::TestRefunds", "TestRefunds")
                .child(NodeId.Kind.TEST, id, "test_partial_refund"), 60);
        assertTrue(Cells.width(cut) <= 60);
        assertTrue(cut.startsWith("…"), cut);
        assertTrue(cut.endsWith("test_payments.py::TestRefunds::test_partial_refund"), cut);
    }

    @Test
    void aTestNameTooLongForTheSpaceLosesItsMiddleNotItsEnds() {
        String id = "tests/test_api.py::test_parametrized_endpoint_behaviour[GET-/v1/users/{id}-404]";
        String cut = Cells.fitTestId(NodeId.test("tests/test_api.py", id,
                "test_parametrized_endpoint_behaviour[GET-/v1/users/{id}-404]"), 40);
        assertEquals(40, Cells.width(cut), cut);
        assertTrue(cut.contains("::test_param"), cut);
        assertTrue(cut.endsWith("-404]"), cut);
        assertTrue(cut.contains("test_api.py") || cut.contains("api.py"), cut);
    }

    @Test
    void aUnitIdWithoutTestKeepsTheFileName() {
        assertEquals("…/deep/test_x.py", Cells.fitTestId(NodeId.ofUnit("tests/very/deep/test_x.py"), 16));
    }

    @Test
    void printableDropsColourCodesAndControlCharacters() {
        String s = Cells.printable("\u001b[31mred\u001b[0m\tbell\u0007 cr\r");
        assertEquals("red    bell cr", s);
        assertFalse(s.contains("\u001b"));
    }

    @Test
    void wrapBreaksByCellsAndKeepsBlankLines() {
        assertEquals(java.util.List.of("测试", "测", "", "abc"), Cells.wrap("测试测\n\nabc", 4));
    }
}
