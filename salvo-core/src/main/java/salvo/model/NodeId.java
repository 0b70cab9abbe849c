package salvo.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a result sits in its run's tree: a path of segments from the unit down (unit, then
 * containers, then a test, then its steps), JUnit's UniqueId in spirit. Each segment carries the
 * adapter's full id of the node it names and its display name, so the core never parses an
 * adapter's ids: a parent is the path without its last segment.
 */
public record NodeId(List<Segment> segments) {

    /** What a node is in the tree. Only TEST nodes count as tests in a run's totals. */
    public enum Kind { UNIT, CONTAINER, TEST, STEP }

    /**
     * @param id   the adapter's id of this node, unique within the run (e.g. a file path, or a
     *             full test id); stable across runs, so history and comparison match on it
     * @param name what to show for this node under its parent
     */
    public record Segment(Kind kind, String id, String name) {
        public Segment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    public NodeId {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.get(0).kind() != Kind.UNIT) {
            throw new IllegalArgumentException("a node id starts with its unit, got " + segments);
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).kind() == Kind.UNIT) {
                throw new IllegalArgumentException("only the first segment may be a unit, got " + segments);
            }
        }
    }

    /** The node of a whole unit, named by its id. */
    public static NodeId ofUnit(String unitId) {
        return new NodeId(List.of(new Segment(Kind.UNIT, unitId, unitId)));
    }

    /** A test directly under its unit: the flat shape of most adapters. */
    public static NodeId test(String unitId, String testId, String name) {
        return ofUnit(unitId).child(Kind.TEST, testId, name);
    }

    /**
     * A test under its unit known only by its id (a row stored before results were trees): its
     * name is the id less the unit's own id and the separator after it.
     */
    public static NodeId flat(String unitId, String testId) {
        return test(unitId, testId, flatName(unitId, testId));
    }

    /** The test's id less its unit's and what separates them (anything but letters, digits and _). */
    private static String flatName(String unitId, String testId) {
        if (!testId.startsWith(unitId)) {
            return testId;
        }
        int start = unitId.length();
        while (start < testId.length() && isSeparator(testId.codePointAt(start))) {
            start += Character.charCount(testId.codePointAt(start));
        }
        return start < testId.length() ? testId.substring(start) : testId;
    }

    private static boolean isSeparator(int c) {
        int type = Character.getType(c);
        return c != '_' && !Character.isLetter(c) && type != Character.DECIMAL_DIGIT_NUMBER
                && type != Character.LETTER_NUMBER && type != Character.OTHER_NUMBER;
    }

    /**
     * A test directly under its unit and named as {@link #flat} names it: its ids alone say it all.
     * Checked without building that node: the archive and the journal ask it of every test.
     */
    public boolean isFlat() {
        if (segments.size() != 2) {
            return false;
        }
        Segment unit = segments.get(0);
        Segment test = segments.get(1);
        return test.kind() == Kind.TEST && unit.name().equals(unit.id())
                && test.name().equals(flatName(unit.id(), test.id()));
    }

    public NodeId child(Kind kind, String id, String name) {
        List<Segment> path = new java.util.ArrayList<>(segments);
        path.add(new Segment(kind, id, name));
        return new NodeId(path);
    }

    /**
     * The same node as run in one environment of several (--dist each over --tx environments):
     * {@code tests/a.py::test_x@py311}. The environment is part of the id, so each one's result is
     * stored, compared and trended on its own.
     */
    public NodeId in(String environment) {
        List<Segment> path = new java.util.ArrayList<>(segments.subList(0, segments.size() - 1));
        Segment last = last();
        path.add(new Segment(last.kind(), inEnvironment(last.id(), environment), last.name() + "@" + environment));
        return new NodeId(path);
    }

    /** An adapter's test id as run in one environment of several; see {@link #in}. */
    public static String inEnvironment(String id, String environment) {
        return id + "@" + environment;
    }

    /** The adapter's id of this node. */
    public String id() {
        return last().id();
    }

    public String name() {
        return last().name();
    }

    public Kind kind() {
        return last().kind();
    }

    /** The id of the unit this node belongs to. */
    public String unit() {
        return segments.get(0).id();
    }

    public Optional<NodeId> parent() {
        return segments.size() == 1 ? Optional.empty() : Optional.of(new NodeId(segments.subList(0, segments.size() - 1)));
    }

    /** The containers between the unit and this node, outermost first. */
    public List<Segment> containers() {
        return segments.subList(1, Math.max(1, segments.size() - 1)).stream()
                .filter(s -> s.kind() == Kind.CONTAINER).toList();
    }

    public int depth() {
        return segments.size();
    }

    /** The node's display name within its unit: the names below the unit, outermost first. */
    public String title() {
        if (segments.size() == 1) {
            return name();
        }
        return segments.subList(1, segments.size()).stream().map(Segment::name).collect(Collectors.joining(" › "));
    }

    private Segment last() {
        return segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        return id();
    }
}
