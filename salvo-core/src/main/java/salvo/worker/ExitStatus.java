package salvo.worker;

import java.util.Map;

/** Words for how a process ended, one home for every report that says so. */
public final class ExitStatus {
    /** A worker that could not interrupt a test at its timeout ends itself with this status. */
    public static final int HARD_TIMEOUT = 71;
    /** A worker that refused its command line or configuration (the Python test runners' usage error). */
    public static final int USAGE = 4;
    /** ssh's own status when the connection failed or dropped: for a remote worker, the host is gone. */
    public static final int HOST_LOST = 255;

    private static final Map<Integer, String> SIGNALS = Map.of(2, "SIGINT", 4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS",
            8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private ExitStatus() {}

    /** "exited with code 3", "was killed by SIGSEGV". */
    public static String describe(int code) {
        if (isSignal(code)) {
            int signal = code - 128;
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            return "was killed by " + name + (signal == 9 ? " (out of memory, or killed from outside)" : "");
        }
        return "exited with code " + code;
    }

    /** True for the status of a process a signal ended (the shell's 128+N). */
    public static boolean isSignal(int code) {
        return code > 128 && code < 160;
    }
}
