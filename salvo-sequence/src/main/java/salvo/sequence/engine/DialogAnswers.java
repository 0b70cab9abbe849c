package salvo.sequence.engine;

import java.util.function.BooleanSupplier;

/** Who answers a run's dialogs: the batch rules ({@link BatchAnswers}), or an operator at a terminal. */
public interface DialogAnswers {
    /**
     * Answers one dialog; blocks until it is answered. Called on the item's thread, possibly from
     * several parallel branches at once.
     *
     * @param stopped true once a stop reached the item: the dialog then closes with STOPPED
     */
    DialogAnswer answer(DialogRequest request, BooleanSupplier stopped);
}
