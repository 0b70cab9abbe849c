package salvo.event;

import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * One attempt of a unit ended.
 *
 * @param willRetry true when the unit failed and is planned again; the final attempt has false
 */
public record UnitFinished(String runId, WorkerRef worker, UnitResult result, boolean willRetry) implements RunEvent {
}
