package salvo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeIdTest {
    @Test
    void aFlatTestIsNamedByItsIdLessItsUnitsAndTheSeparatorAfterIt() {
        assertEquals("test_a[1]", name(NodeId.flat("tests/t.py", "tests/t.py::test_a[1]")));
        assertEquals("Cls::test_b", name(NodeId.flat("tests/t.py", "tests/t.py::Cls::test_b")));
        assertEquals("_private", name(NodeId.flat("pkg", "pkg::_private")), "an underscore begins a name");
        assertEquals("٣rd", name(NodeId.flat("u", "u/٣rd")), "so does a digit of any script");
        assertEquals("élan", name(NodeId.flat("u", "u → élan")), "and a letter of any script, after any separator");
        assertEquals("other::t", name(NodeId.flat("tests/t.py", "other::t")), "an id outside its unit keeps it whole");
        assertEquals("u::", name(NodeId.flat("u", "u::")), "nothing but separators: the id whole");
        assertEquals("u", name(NodeId.flat("u", "u")));
    }

    @Test
    void onlyATestDirectlyUnderItsUnitAndNamedAsFlatNamesItIsFlat() {
        assertTrue(NodeId.flat("tests/t.py", "tests/t.py::test_a").isFlat());
        assertFalse(NodeId.test("tests/t.py", "tests/t.py::test_a", "a test").isFlat(), "a name of its own");
        assertFalse(NodeId.flat("tests/t.py", "tests/t.py::test_a").child(NodeId.Kind.STEP, "s", "s").isFlat(), "a step");
        assertFalse(NodeId.ofUnit("tests/t.py").isFlat(), "a unit");
        assertFalse(new NodeId(List.of(new NodeId.Segment(NodeId.Kind.UNIT, "u", "a unit"),
                new NodeId.Segment(NodeId.Kind.TEST, "u::t", "t"))).isFlat(), "a unit with a name of its own");
        assertFalse(NodeId.ofUnit("u").child(NodeId.Kind.CONTAINER, "u::t", "t").isFlat(), "a container");
    }

    private static String name(NodeId node) {
        return node.segments().get(node.segments().size() - 1).name();
    }
}
