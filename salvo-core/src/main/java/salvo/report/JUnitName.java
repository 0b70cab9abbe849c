package salvo.report;

/**
 * The classname and name a JUnit XML reader groups tests by, from Salvo's ids.
 * {@code tests/test_a.py::TestK::test_x[1]} becomes {@code tests.test_a.TestK} and {@code test_x[1]},
 * which is how pytest's own junitxml names it.
 */
record JUnitName(String classname, String name) {

    static JUnitName of(String unitId, String testId) {
        int separator = testId.indexOf("::");
        if (separator >= 0) {
            return pytest(testId.substring(0, separator), testId.substring(separator + 2));
        }
        int hash = testId.indexOf('#');
        if (hash > 0) {
            return new JUnitName(testId.substring(0, hash), testId.substring(hash + 1));
        }
        String name = testId.startsWith(unitId) && testId.length() > unitId.length()
                ? testId.substring(unitId.length()).replaceFirst("^[^A-Za-z0-9]+", "") : testId;
        return new JUnitName(module(unitId), name);
    }

    /** A testcase that stands for a whole unit: a file that failed before any test could. */
    static JUnitName ofUnit(String unitId) {
        return new JUnitName(module(unitId), unitId);
    }

    // Parameters in brackets may hold anything, "::" and "." included: split only what precedes them.
    private static JUnitName pytest(String file, String rest) {
        int bracket = rest.indexOf('[');
        String path = bracket >= 0 ? rest.substring(0, bracket) : rest;
        String params = bracket >= 0 ? rest.substring(bracket) : "";
        String[] parts = path.split("::");
        StringBuilder classname = new StringBuilder(module(file));
        for (int i = 0; i < parts.length - 1; i++) {
            classname.append('.').append(parts[i]);
        }
        return new JUnitName(classname.toString(), parts[parts.length - 1] + params);
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
