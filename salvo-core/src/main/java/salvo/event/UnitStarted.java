package salvo.event;

import salvo.model.TestUnit;

/** A worker began an attempt of a unit. */
public record UnitStarted(String worker, TestUnit unit, int attempt) implements RunEvent {
}
