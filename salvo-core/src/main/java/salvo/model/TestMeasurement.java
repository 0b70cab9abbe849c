package salvo.model;

/** A measurement with the test that took it: what history and comparisons line up across runs. */
public record TestMeasurement(String testId, Measurement measurement) {
    /** The same quantity in another run: same test, same name. */
    public String key() {
        return testId + "\u0000" + measurement.name();
    }

    /** Every measurement of a run's tests, in run order. */
    public static java.util.List<TestMeasurement> of(RunRecord run) {
        java.util.List<TestMeasurement> all = new java.util.ArrayList<>();
        for (UnitResult u : run.units()) {
            for (TestResult t : u.tests()) {
                t.measurements().forEach(m -> all.add(new TestMeasurement(t.testId(), m)));
            }
        }
        return all;
    }
}
