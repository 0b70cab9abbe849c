package salvo.event;

import salvo.model.WorkerRef;

/** A worker found how many tests a unit holds (after its filters), before they run: for progress. */
public record UnitCollected(String runId, WorkerRef worker, String unitId, int tests) implements RunEvent {
}
