package salvo.cli;

import salvo.model.RunRecord;
import salvo.model.RunStatus;

/** Exit statuses as the Python test runners give them, which CI systems and people already know. */
public final class ExitCode {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int INTERRUPTED = 2;
    public static final int INTERNAL_ERROR = 3;
    public static final int USAGE_ERROR = 4;
    public static final int NO_TESTS = 5;

    private ExitCode() {}

    public static int of(RunRecord run) {
        if (run.status() == RunStatus.INTERRUPTED) {
            return INTERRUPTED;
        }
        if (run.totals().failedUnits() > 0) {
            return FAILED;
        }
        return run.totals().testCount() == 0 ? NO_TESTS : PASSED;
    }
}
