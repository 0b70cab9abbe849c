package salvo.sequence.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Composed nodes as plain values: maps (insertion order), lists, scalars. */
public final class Plain {
    private Plain() {}

    public static Object of(YNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof YNode.Scalar s) {
            return s.value() instanceof java.time.LocalDate d ? d : s.value();
        }
        if (node instanceof YNode.Seq seq) {
            List<Object> out = new ArrayList<>();
            seq.items().forEach(i -> out.add(of(i)));
            return out;
        }
        if (node instanceof YNode.Map map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach(e -> out.put(e.key(), of(e.value())));
            return out;
        }
        return null; // an include that was read as null (pass A)
    }

    /** What a node is, for messages. */
    public static String what(YNode node) {
        if (YNode.isNull(node)) {
            return "nothing";
        }
        if (node instanceof YNode.Seq) {
            return "a list";
        }
        if (node instanceof YNode.Map) {
            return "a mapping";
        }
        if (node instanceof YNode.Include) {
            return "an include";
        }
        Object v = ((YNode.Scalar) node).value();
        return v instanceof String s ? "the text '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'"
                : v instanceof Boolean ? "the boolean " + salvo.sequence.expr.PyRepr.str(v)
                : "the value " + salvo.sequence.expr.PyRepr.str(v);
    }
}
