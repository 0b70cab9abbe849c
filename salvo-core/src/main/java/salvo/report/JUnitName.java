package salvo.report;

import salvo.model.NodeId;

/**
 * The classname and name a JUnit XML reader groups tests by, from a result's place in the tree:
 * the unit's path as a dotted module, then its containers; the name is the test's own. A test
 * {@code test_x[1]} in container {@code TestK} of unit {@code tests/test_a.py} becomes
 * {@code tests.test_a.TestK} and {@code test_x[1]}, which is also how Python's junitxml names it.
 */
record JUnitName(String classname, String name) {

    static JUnitName of(NodeId node) {
        StringBuilder classname = new StringBuilder(module(node.unit()));
        node.containers().forEach(c -> classname.append('.').append(c.name()));
        return new JUnitName(classname.toString(), node.name());
    }

    /** A testcase that stands for a whole unit: a file that failed before any test could. */
    static JUnitName ofUnit(String unitId) {
        return new JUnitName(module(unitId), unitId);
    }

    /** "tests/test_a.py" -> "tests.test_a" */
    private static String module(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > slash + 1) {
            p = p.substring(0, dot);
        }
        return p.replace('/', '.');
    }
}
