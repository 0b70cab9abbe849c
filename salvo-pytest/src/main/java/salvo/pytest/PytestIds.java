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
        int end = bracket >= 0 ? bracket : nodeId.length();
        int sep = nodeId.indexOf(SEPARATOR);
        if (sep < 0 || sep >= end) {
            // The file itself, as a test: a file that skipped itself counts as one skipped test.
            String file = nodeId.substring(0, end);
            return NodeId.test(file, file, file.substring(file.lastIndexOf('/') + 1));
        }
        String file = nodeId.substring(0, sep);
        List<NodeId.Segment> segments = new ArrayList<>(4);
        segments.add(new NodeId.Segment(NodeId.Kind.UNIT, file, file));
        int start = sep + SEPARATOR.length();
        for (int next = nodeId.indexOf(SEPARATOR, start); next >= 0 && next < end;
                start = next + SEPARATOR.length(), next = nodeId.indexOf(SEPARATOR, start)) {
            segments.add(new NodeId.Segment(NodeId.Kind.CONTAINER, nodeId.substring(0, next), nodeId.substring(start, next)));
        }
        segments.add(new NodeId.Segment(NodeId.Kind.TEST, nodeId, nodeId.substring(start)));
        return new NodeId(segments);
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
