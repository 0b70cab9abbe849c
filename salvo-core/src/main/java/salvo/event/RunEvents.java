package salvo.event;

import salvo.model.NodeId;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * The one way executions publish: bound to a run, so every event they make carries its id.
 * Thread-safe as long as its listener is (the {@link EventBus} is).
 */
public final class RunEvents {
    private final String runId;
    private final RunListener listener;

    public RunEvents(String runId, RunListener listener) {
        this.runId = java.util.Objects.requireNonNull(runId, "runId");
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    public String runId() {
        return runId;
    }

    public void unitStarted(WorkerRef worker, TestUnit unit, int attempt) {
        listener.on(new UnitStarted(runId, worker, unit, attempt));
    }

    public void unitCollected(WorkerRef worker, String unitId, int tests) {
        listener.on(new UnitCollected(runId, worker, unitId, tests));
    }

    public void testStarted(WorkerRef worker, NodeId node, int attempt) {
        listener.on(new TestStarted(runId, worker, node, attempt));
    }

    public void testFinished(WorkerRef worker, TestResult result) {
        listener.on(new TestFinished(runId, worker, result));
    }

    public void output(WorkerRef worker, String unitId, String text) {
        listener.on(new OutputChunk(runId, worker, unitId, text));
    }

    public void unitFinished(WorkerRef worker, UnitResult result, boolean willRetry) {
        listener.on(new UnitFinished(runId, worker, result, willRetry));
    }

    public void workerLost(WorkerRef worker, String reason) {
        listener.on(new WorkerLost(runId, worker, reason));
    }

    /** The same run's events, only those {@code pass} lets through (a policy holding some back). */
    public RunEvents filtered(java.util.function.Predicate<RunEvent> pass) {
        return new RunEvents(runId, event -> {
            if (pass.test(event)) {
                listener.on(event);
            }
        });
    }

    /** The same run's events, also shown to {@code also} first (a policy watching the stream). */
    public RunEvents tappedBy(RunListener also) {
        return new RunEvents(runId, event -> {
            also.on(event);
            listener.on(event);
        });
    }
}
