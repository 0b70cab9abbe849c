package salvo.pytest;

/**
 * How a pytest process ended, as the supervisor saw it.
 *
 * @param exitCode the exit status when {@code how} is EXITED (128+N for signal N), else -1
 * @param output   the tail of what the process wrote outside pytest's capture
 */
record ProcessEnd(How how, int exitCode, String output) {
    enum How {
        /** It exited by itself. */
        EXITED,
        /** The per-file timeout expired and the tree was killed. */
        FILE_TIMEOUT,
        /** Its tests were done but it did not exit within the grace period, so it was killed. */
        LINGERED,
        /** The run was stopped (Ctrl-C, q) and the tree was killed. */
        INTERRUPTED
    }
}
