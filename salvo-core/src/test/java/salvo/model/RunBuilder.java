package salvo.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds run records for tests, with defaults for everything a test does not care about. */
public final class RunBuilder {
    public static final Instant T0 = Instant.parse("2026-11-23T10:15:02.123456789Z");

    private long id;
    private String label;
    private Instant started = T0;
    private Duration wall = Duration.ofSeconds(30);
    private RunStatus status = RunStatus.COMPLETED;
    private String host = "ci-7";
    private String gitCommit = "0123abcd";
    private Map<String, String> config = Map.of("workers", "4");
    private final List<UnitResult> units = new ArrayList<>();

    private RunBuilder(String label) {
        this.label = label;
    }

    public static RunBuilder run(String label) {
        return new RunBuilder(label);
    }

    public RunBuilder id(long newId) {
        id = newId;
        return this;
    }

    public RunBuilder startedAt(Instant instant) {
        started = instant;
        return this;
    }

    public RunBuilder wall(Duration duration) {
        wall = duration;
        return this;
    }

    public RunBuilder status(RunStatus newStatus) {
        status = newStatus;
        return this;
    }

    public RunBuilder host(String newHost) {
        host = newHost;
        return this;
    }

    public RunBuilder config(Map<String, String> newConfig) {
        config = newConfig;
        return this;
    }

    /** A unit whose outcome is the worst of its tests' (PASSED when it has none), lasting their sum. */
    public RunBuilder unit(String unitId, TestResult... tests) {
        Outcome outcome = Arrays.stream(tests).map(TestResult::outcome)
                .max((a, b) -> Integer.compare(a.severity(), b.severity())).orElse(Outcome.PASSED);
        Duration duration = Arrays.stream(tests).map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
        return unit(unitResult(unitId, outcome, duration, null, tests));
    }

    public RunBuilder unit(UnitResult unit) {
        units.add(unit);
        return this;
    }

    public RunRecord build() {
        RunInfo info = new RunInfo("run-" + label, label, started, host, gitCommit, "/work/project", config);
        return new RunRecord(id, info, started.plus(wall), status, units);
    }

    /** A test with id {@code <unit>::<name>}; failing outcomes get an assertion failure. */
    public static TestResult test(String unitId, String name, Outcome outcome, double seconds) {
        Failure failure = outcome.isFailure() || outcome == Outcome.FLAKY
                ? new Failure(FailureKind.ASSERTION, "assert " + name, "Traceback of " + name) : null;
        return new TestResult(NodeId.flat(unitId, unitId + "::" + name), outcome, seconds(seconds), failure, "", 1);
    }

    public static UnitResult unitResult(String unitId, Outcome outcome, Duration duration, Failure failure,
                                        TestResult... tests) {
        return new UnitResult(new TestUnit(unitId, Path.of(unitId), "pytest"), outcome, duration, List.of(tests),
                failure, 1, WorkerRef.local("w1"));
    }

    public static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
