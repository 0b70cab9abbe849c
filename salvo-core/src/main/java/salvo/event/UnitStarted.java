package salvo.event;

import salvo.model.TestUnit;
import salvo.model.WorkerRef;

/** A worker began an attempt of a unit. */
public record UnitStarted(String runId, WorkerRef worker, TestUnit unit, int attempt) implements RunEvent {
}
