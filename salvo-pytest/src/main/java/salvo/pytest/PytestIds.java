package salvo.pytest;

import java.util.ArrayList;
import java.util.List;
import salvo.model.NodeId;

/**
 * pytest's node ids in Salvo's result tree: {@code tests/test_a.py::TestK::test_x[1]} is the
 * unit {@code tests/test_a.py}, the container {@code TestK} and the test {@code test_x[1]}.
 * A module-level test is a tree of depth two. Parameters in brackets may hold anything, "::"
 * included, so only what precedes the first "[" is split. Pure.
 */
public final class PytestIds {
    private static final String SEPARATOR = "::";

    private PytestIds() {}

    public static NodeId node(String nodeId) {
        int bracket = nodeId.indexOf('[');
        String path = bracket >= 0 ? nodeId.substring(0, bracket) : nodeId;
        String params = bracket >= 0 ? nodeId.substring(bracket) : "";
        List<String> parts = new ArrayList<>(List.of(path.split(SEPARATOR, -1)));
        String file = parts.remove(0);
        NodeId node = NodeId.ofUnit(file);
        if (parts.isEmpty()) {
            // The file itself, as a test: a file that skipped itself counts as one skipped test.
            return NodeId.test(file, file, file.substring(file.lastIndexOf('/') + 1));
        }
        StringBuilder id = new StringBuilder(file);
        for (int i = 0; i < parts.size() - 1; i++) {
            id.append(SEPARATOR).append(parts.get(i));
            node = node.child(NodeId.Kind.CONTAINER, id.toString(), parts.get(i));
        }
        return node.child(NodeId.Kind.TEST, nodeId, parts.get(parts.size() - 1) + params);
    }

    /** The file a node id belongs to: the part before the first "::". */
    public static String fileOf(String nodeId) {
        int sep = nodeId.indexOf(SEPARATOR);
        return sep < 0 ? nodeId : nodeId.substring(0, sep);
    }

    /** The test's name within its file, as pytest prints it: the part after the first "::". */
    public static String testName(String nodeId) {
        int sep = nodeId.indexOf(SEPARATOR);
        return sep < 0 ? nodeId : nodeId.substring(sep + SEPARATOR.length());
    }
}
