package salvo.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import salvo.model.NodeId;
import salvo.model.NodeId.Kind;
import salvo.model.NodeId.Segment;

class PytestIdsTest {

    @Test
    void aModuleLevelTestIsUnitAndTest() {
        assertEquals(List.of(new Segment(Kind.UNIT, "tests/a.py", "tests/a.py"),
                        new Segment(Kind.TEST, "tests/a.py::test_x", "test_x")),
                PytestIds.node("tests/a.py::test_x").segments());
    }

    @Test
    void classesAreContainersNamedByTheirPath() {
        assertEquals(List.of(new Segment(Kind.UNIT, "a.py", "a.py"),
                        new Segment(Kind.CONTAINER, "a.py::TestK", "TestK"),
                        new Segment(Kind.CONTAINER, "a.py::TestK::TestInner", "TestInner"),
                        new Segment(Kind.TEST, "a.py::TestK::TestInner::test_y[1]", "test_y[1]")),
                PytestIds.node("a.py::TestK::TestInner::test_y[1]").segments());
    }

    @Test
    void aSeparatorInsideParametersIsNotSplit() {
        NodeId node = PytestIds.node("a.py::test_p[x::y-[z]]");
        assertEquals(2, node.segments().size());
        assertEquals(new Segment(Kind.TEST, "a.py::test_p[x::y-[z]]", "test_p[x::y-[z]]"), node.segments().get(1));
    }

    @Test
    void aFileAloneIsATestOfItself() {
        assertEquals(List.of(new Segment(Kind.UNIT, "tests/skipped.py", "tests/skipped.py"),
                        new Segment(Kind.TEST, "tests/skipped.py", "skipped.py")),
                PytestIds.node("tests/skipped.py").segments());
    }
}
