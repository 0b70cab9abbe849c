package salvo.sequence.engine;

import salvo.sequence.load.Step;

/**
 * What a view follows of a run: items starting and ending, and the lines each prints. Called on
 * the items' own threads (several at once under parallel).
 */
public interface Progress {
    Progress NONE = new Progress() { };

    /** After the item's banner, before pauses apply. */
    default void started(Step step) { }

    /** A line the item printed (its own, not its children's). */
    default void printed(Step step, String line) { }

    default void finished(Step step, Verdict verdict, String message) { }
}
