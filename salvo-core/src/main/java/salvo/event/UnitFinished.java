package salvo.event;

import salvo.model.UnitResult;

/**
 * One attempt of a unit ended.
 *
 * @param willRetry true when the unit failed and is queued again; the final attempt has false
 */
public record UnitFinished(String worker, UnitResult result, boolean willRetry) implements RunEvent {
}
