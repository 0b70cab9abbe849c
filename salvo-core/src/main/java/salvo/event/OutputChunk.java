package salvo.event;

/** Output a unit's process wrote outside any test's capture, streamed for -v. */
public record OutputChunk(String worker, String unitId, String text) implements RunEvent {
}
