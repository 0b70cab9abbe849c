package salvo.event;

import salvo.model.WorkerRef;

/** A worker died or was killed outside a unit's normal end. */
public record WorkerLost(String runId, WorkerRef worker, String reason) implements RunEvent {
}
