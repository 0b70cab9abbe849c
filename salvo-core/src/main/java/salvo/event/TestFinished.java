package salvo.event;

import salvo.model.TestResult;
import salvo.model.WorkerRef;

/** One attempt of one node (a test, or a container or step its adapter reports) ended. */
public record TestFinished(String runId, WorkerRef worker, TestResult result) implements RunEvent {
}
