package salvo.execute;

import salvo.error.SalvoError;

/**
 * The run's configuration is broken, so no unit can run (its framework refused the command
 * line, a root conftest does not import): an execution stops at the first sign of it, ends what
 * it started, and the run ends once, with a usage error, instead of failing every unit alike.
 */
public final class RunCannotStart extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunCannotStart(String message) {
        super(message);
    }

    public SalvoError asUsageError() {
        return SalvoError.usage(getMessage());
    }
}
