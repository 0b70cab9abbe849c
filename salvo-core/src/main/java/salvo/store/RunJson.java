package salvo.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Measurement;
import salvo.model.NodeId;
import salvo.model.WorkerRef;
import salvo.model.Outcome;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/**
 * The archive's JSON form of a run, meant to be read by people as well as by Salvo: ISO times,
 * durations in seconds as plain decimals, outcome names, and totals (written, never read back).
 */
final class RunJson {
    /** Bumped when a change would make older Salvos misread the file. */
    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private RunJson() {}

    record Run(int format, long id, String runId, String label, String started, String finished, BigDecimal wallSeconds,
               RunStatus status, String host, String gitCommit, String rootDir, Map<String, String> config,
               Counts totals, List<Unit> units) {}

    /** Warnings are left out where there are none (null), as in files written before they were counted. */
    record Counts(Map<Outcome, Integer> tests, Map<Outcome, Integer> units, Integer warnings) {}

    record Unit(String id, String path, String adapter, Outcome outcome, BigDecimal seconds, int attempts,
                String worker, Problem failure, List<Test> tests, Integer warnings) {}

    record Test(String id, List<Segment> node, Outcome outcome, BigDecimal seconds, int attempt, Problem failure,
                String output, Integer warnings, List<Measured> measurements, String worker) {}

    /** A measurement; left out (null) where a test has none. */
    record Measured(String name, double value, Double low, Double high, String unit) {}

    /** One segment of a result's place in the tree; absent for a flat test, and in files written before results were trees. */
    record Segment(NodeId.Kind kind, String id, String name) {}

    record Problem(FailureKind kind, String message, String detail) {}

    static String write(RunRecord run) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(run, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Streams the run's JSON: a run of 100 000 tests is never held as one string. */
    static void write(RunRecord run, java.io.OutputStream out) throws java.io.IOException {
        RunInfo info = run.info();
        Counts totals = new Counts(inOutcomeOrder(run.totals().tests()), inOutcomeOrder(run.totals().units()),
                orNull(run.totals().warnings()));
        Run json = new Run(FORMAT, run.id(), info.id(), info.label(), info.started().toString(), run.finished().toString(),
                seconds(run.wallTime()), run.status(), info.host(), info.gitCommit(), info.rootDir(),
                new TreeMap<>(info.config()), totals, run.units().stream().map(RunJson::unit).toList());
        try {
            MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, json);
            out.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run " + info.label() + " could not be written as JSON", e);
        }
    }

    private static Map<Outcome, Integer> inOutcomeOrder(Map<Outcome, Integer> counts) {
        Map<Outcome, Integer> ordered = new EnumMap<>(Outcome.class);
        ordered.putAll(counts);
        return ordered;
    }

    private static Unit unit(UnitResult u) {
        return new Unit(u.unit().id(), u.unit().path().toString(), u.unit().adapter(), u.outcome(),
                seconds(u.duration()), u.attempts(), u.worker().label(), problem(u.failure()),
                u.tests().stream().map(t -> new Test(t.testId(), segments(t.node()), t.outcome(), seconds(t.duration()), t.attempt(),
                        problem(t.failure()), t.output(), orNull(t.warnings()), measured(t.measurements()),
                        t.worker().equals(WorkerRef.NONE) ? null : t.worker().label())).toList(),
                orNull(u.warnings()));
    }

    private static List<Measured> measured(List<Measurement> measurements) {
        return measurements.isEmpty() ? null : measurements.stream()
                .map(m -> new Measured(m.name(), m.value(), m.low(), m.high(), m.unit().isEmpty() ? null : m.unit()))
                .toList();
    }

    private static Integer orNull(int warnings) {
        return warnings == 0 ? null : warnings;
    }

    private static int orZero(Integer warnings) {
        return warnings == null ? 0 : warnings;
    }

    /** Left out (null) for a flat node ({@link NodeId#isFlat}): it reads back so. */
    private static List<Segment> segments(NodeId node) {
        if (node.isFlat()) {
            return null;
        }
        return node.segments().stream().map(s -> new Segment(s.kind(), s.id(), s.name())).toList();
    }

    private static NodeId node(String unitId, Test t) {
        if (t.node() == null || t.node().isEmpty()) {
            return NodeId.flat(unitId, t.id());
        }
        return new NodeId(t.node().stream().map(s -> new NodeId.Segment(s.kind(), s.id(), s.name())).toList());
    }

    private static Problem problem(Failure f) {
        return f == null ? null : new Problem(f.kind(), f.message(), f.detail());
    }

    /**
     * @throws JsonProcessingException when the text is not JSON of this shape
     * @throws RuntimeException        when a value is missing or out of range
     */
    static RunRecord read(String text) throws JsonProcessingException {
        Run json = MAPPER.readValue(text, Run.class);
        if (json.format() > FORMAT) {
            throw new NewerFormatException(json.format());
        }
        if (json.format() < 1) {
            throw new IllegalArgumentException("it has no \"format\" number");
        }
        RunInfo info = new RunInfo(json.runId() == null ? "" : json.runId(), json.label(), Instant.parse(json.started()), json.host(), json.gitCommit(),
                json.rootDir(), json.config() == null ? Map.of() : json.config());
        List<UnitResult> units = json.units() == null ? List.of()
                : json.units().stream().map(RunJson::unitResult).toList();
        return new RunRecord(json.id(), info, Instant.parse(json.finished()), json.status(), units);
    }

    private static UnitResult unitResult(Unit u) {
        List<TestResult> tests = u.tests() == null ? List.of() : u.tests().stream()
                .map(t -> new TestResult(node(u.id(), t), t.outcome(), duration(t.seconds()), failure(t.failure()),
                        t.output(), t.attempt(), orZero(t.warnings()), t.measurements() == null ? List.of()
                        : t.measurements().stream().map(m -> new Measurement(m.name(), m.value(), m.low(), m.high(),
                        m.unit())).toList(), WorkerRef.parse(t.worker())))
                .toList();
        return new UnitResult(new TestUnit(u.id(), Path.of(u.path()), u.adapter()), u.outcome(), duration(u.seconds()),
                tests, failure(u.failure()), u.attempts(), WorkerRef.parse(u.worker()), orZero(u.warnings()));
    }

    private static Failure failure(Problem p) {
        return p == null ? null : new Failure(p.kind(), p.message(), p.detail());
    }

    /** Exact to the nanosecond, without trailing zeros: 1.5, 0.000000001, 12. */
    static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros();
    }

    static Duration duration(BigDecimal seconds) {
        if (seconds == null) {
            throw new IllegalArgumentException("a duration is missing");
        }
        return Duration.ofNanos(seconds.setScale(9, RoundingMode.HALF_UP).movePointRight(9).longValueExact());
    }

    /** The file says it was written by a later Salvo in a format this one does not know. */
    static final class NewerFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int format;

        NewerFormatException(int format) {
            super("format " + format);
            this.format = format;
        }
    }
}
