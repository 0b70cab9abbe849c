package salvo.event;

/** A worker began one test. */
public record TestStarted(String worker, String unitId, String testId) implements RunEvent {
}
