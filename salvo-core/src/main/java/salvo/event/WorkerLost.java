package salvo.event;

/** A worker process died or was killed outside a unit's normal end. */
public record WorkerLost(String worker, String reason) implements RunEvent {
}
