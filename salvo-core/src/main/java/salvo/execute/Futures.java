package salvo.execute;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work started ahead of time (the store opening, the interpreter probe). */
public final class Futures {
    private Futures() {}

    /** The result, or the task's own RuntimeException (a SalvoError says its one line), not a wrapper. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
