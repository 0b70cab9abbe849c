package salvo.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One attempt of one node of the result tree: a test, or a container or step when its adapter
 * reports those.
 *
 * @param node    where it sits in the tree; its unit is the first segment
 * @param failure why it did not pass: null unless the outcome is a failure, an error, a timeout
 *                or a crash, or a skip whose reason is known (kind SKIP)
 * @param output  captured stdout/stderr of the test, capped
 * @param attempt 1 for the first run, 2 for the first retry, ...
 * @param warnings how many warnings its framework recorded while it ran (the count its summary gives)
 * @param measurements the values it compared, in order (a sequence's checks)
 * @param worker  the worker that ran this attempt; NONE where only its unit's is known (a unit run whole)
 */
public record TestResult(NodeId node, Outcome outcome, Duration duration, Failure failure, String output,
                         int attempt, int warnings, List<Measurement> measurements, WorkerRef worker) {
    public static final int MAX_OUTPUT = 64 * 1024;

    /** A result without warnings or measurements, of its unit's worker; the withers add them. */
    public TestResult(NodeId node, Outcome outcome, Duration duration, Failure failure, String output, int attempt) {
        this(node, outcome, duration, failure, output, attempt, 0, List.of(), WorkerRef.NONE);
    }

    public TestResult {
        measurements = List.copyOf(measurements);
        worker = worker == null ? WorkerRef.NONE : worker;
        if (warnings < 0) {
            throw new IllegalArgumentException("warnings must not be negative");
        }
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        output = Text.capMiddle(output == null ? "" : output, MAX_OUTPUT);
    }

    /** The adapter's id of the test, stable across runs. */
    public String testId() {
        return node.id();
    }

    public String unitId() {
        return node.unit();
    }

    /** True for a test (not a container or a step): what a run's totals count. */
    public boolean isTest() {
        return node.kind() == NodeId.Kind.TEST;
    }

    public TestResult withNode(NodeId newNode) {
        return new TestResult(newNode, outcome, duration, failure, output, attempt, warnings, measurements, worker);
    }

    public TestResult withOutcome(Outcome newOutcome) {
        return new TestResult(node, newOutcome, duration, failure, output, attempt, warnings, measurements, worker);
    }

    public TestResult withFailure(Outcome newOutcome, Failure newFailure) {
        return new TestResult(node, newOutcome, duration, newFailure, output, attempt, warnings, measurements, worker);
    }

    public TestResult withWarnings(int count) {
        return new TestResult(node, outcome, duration, failure, output, attempt, count, measurements, worker);
    }

    public TestResult withMeasurements(List<Measurement> measured) {
        return new TestResult(node, outcome, duration, failure, output, attempt, warnings, measured, worker);
    }

    public TestResult withWorker(WorkerRef ranOn) {
        return new TestResult(node, outcome, duration, failure, output, attempt, warnings, measurements, ranOn);
    }
}
