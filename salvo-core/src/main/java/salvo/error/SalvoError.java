package salvo.error;

/**
 * A problem the user can act on: printed as one line (no stack trace) and turned into the exit
 * status. The message names the input, what is wrong with it, and what to do.
 */
public final class SalvoError extends RuntimeException {
    public static final int INTERNAL = 3;
    public static final int USAGE = 4;

    private final int exitCode;

    private SalvoError(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input: an option, a path, an interpreter, a store the user pointed at. */
    public static SalvoError usage(String message) {
        return new SalvoError(message, USAGE, null);
    }

    public static SalvoError usage(String message, Throwable cause) {
        return new SalvoError(message, USAGE, cause);
    }

    /** Something Salvo itself could not do, with what to try. */
    public static SalvoError internal(String message, Throwable cause) {
        return new SalvoError(message, INTERNAL, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
