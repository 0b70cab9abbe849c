package salvo.sequence.engine;

/**
 * Who is at the run: who answers its dialogs, the pauses they may set, and what they follow.
 * Batch is nobody: the batch rules answer, nothing pauses, nothing is followed.
 */
public record Operator(DialogAnswers dialogs, Pauses pauses, Progress progress) {
    public static Operator batch() {
        return new Operator(new BatchAnswers(), new Pauses(), Progress.NONE);
    }
}
