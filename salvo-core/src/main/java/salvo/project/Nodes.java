package salvo.project;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import salvo.error.SalvoError;

/**
 * The checks a section of salvo.yaml makes of its nodes. Each failure is a usage error of one
 * line that starts with the node's place ({@code salvo.yaml:3:5}) and says what was expected.
 */
public final class Nodes {
    private Nodes() {}

    /** A mapping's values by key, refusing a key given twice (YAML's maps would silently keep the last). */
    public static Map<String, Node> mapping(Node node, String what, String expected) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be " + expected + "; got " + what(node));
        }
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                throw error(t.getKeyNode(), "a key must be a plain name; got " + what(t.getKeyNode()));
            }
            Node first = keys.putIfAbsent(key.getValue(), key);
            if (first != null) {
                throw error(key, "key '" + key.getValue() + "' appears twice in this mapping (first at " + place(first)
                        + "); keep one");
            }
            values.put(key.getValue(), t.getValueNode());
        }
        return values;
    }

    /**
     * Refuses a key of a checked mapping that is not one of {@code allowed}, pointing at the key:
     * "unknown key 'K'{@code where}; {@code who} may have: A, B".
     */
    public static void onlyKeys(MappingNode map, List<String> allowed, String where, String who) {
        for (NodeTuple t : map.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "'" + where + "; " + who + " may have: "
                        + String.join(", ", allowed));
            }
        }
    }

    /** The key node of {@code key} in a checked mapping, for errors that point at a key. */
    public static Node keyNode(MappingNode map, String key) {
        return map.getValue().stream().map(NodeTuple::getKeyNode)
                .filter(k -> ((ScalarNode) k).getValue().equals(key)).findFirst().orElseThrow();
    }

    /** The items of a list; {@code expected} says what it must be ("a list of commands"). */
    public static List<Node> list(Node node, String what, String expected) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, what + " must be " + expected + "; got " + what(node));
        }
        return seq.getValue();
    }

    public static String string(Node node, String what) {
        if (!(node instanceof ScalarNode s) || isNull(s) || s.getValue().isEmpty()) {
            throw error(node, what + " must be a non-empty string; got " + what(node));
        }
        return s.getValue();
    }

    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** What a node is, for "got ...": "a list", "the number 3", "the string 'x'". */
    public static String what(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        Tag tag = node.getTag();
        String value = ((ScalarNode) node).getValue();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + value;
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + value;
        }
        return value.isEmpty() ? "an empty string" : "the string '" + value + "'";
    }

    /** A usage error at the node's place. */
    public static SalvoError error(Node node, String message) {
        return SalvoError.usage(place(node) + ": " + message);
    }

    /** "salvo.yaml:3:5", counted from 1 as editors do. */
    public static String place(Node node) {
        return node.getStartMark().map(Nodes::place).orElse(ProjectFile.NAME);
    }

    static String place(Mark mark) {
        return ProjectFile.NAME + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
