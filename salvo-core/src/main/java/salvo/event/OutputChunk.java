package salvo.event;

import salvo.model.WorkerRef;

/** Output a unit's process wrote outside any test's capture, streamed for -v. */
public record OutputChunk(String runId, WorkerRef worker, String unitId, String text) implements RunEvent {
}
