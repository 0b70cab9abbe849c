package salvo.sequence.engine;

/**
 * How a dialog was answered. Only OK passes (and a value or note must then be given); the
 * others FAIL the item with {@code why}.
 *
 * @param value the answer: the typed value or note, the checked choices, the ticked references; else null
 */
public record DialogAnswer(Status status, Object value, String why) {
    public enum Status {
        /** Acknowledged, yes, or a value given. */
        OK,
        /** Answered no. */
        NO,
        CANCELLED,
        /** Nobody could answer: batch without an auto_result. */
        UNANSWERED,
        /** A stop closed the dialog (§5.2). */
        STOPPED
    }

    public static DialogAnswer ok(Object value, String why) {
        return new DialogAnswer(Status.OK, value, why);
    }

    public static DialogAnswer of(Status status, String why) {
        return new DialogAnswer(status, null, why);
    }
}
