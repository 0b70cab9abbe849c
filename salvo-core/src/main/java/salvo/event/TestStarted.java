package salvo.event;

import salvo.model.NodeId;
import salvo.model.WorkerRef;

/** A worker began one attempt of one node. */
public record TestStarted(String runId, WorkerRef worker, NodeId node, int attempt) implements RunEvent {
    public String unitId() {
        return node.unit();
    }
}
