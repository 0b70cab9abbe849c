package salvo.pytest;

import java.time.Duration;
import java.util.List;

/**
 * How Salvo runs pytest.
 *
 * @param python      the interpreter, a name on PATH or a path
 * @param markers     pytest's -m expression; empty runs everything
 * @param fileTimeout per-file limit on the whole process tree
 * @param testTimeout per-test limit enforced inside pytest; zero for none
 * @param hangGrace   how long a process may linger after its tests finished before it is killed
 * @param verbose     pytest -v, output streamed per file
 * @param exitFirst   pytest -x, for stop-on-first-failure
 * @param extraArgs   for every pytest process, after Salvo's own: the rootdir and config file
 *                    Salvo found (so every process agrees with its discovery), -k, and the
 *                    user's own options given after {@code --}
 */
public record PytestOptions(String python, String markers, Duration fileTimeout, Duration testTimeout,
                            Duration hangGrace, boolean verbose, boolean exitFirst, List<String> extraArgs) {
    public static final Duration DEFAULT_HANG_GRACE = Duration.ofSeconds(5);

    public PytestOptions {
        extraArgs = List.copyOf(extraArgs);
    }

    public PytestOptions(String python, String markers, Duration fileTimeout, Duration testTimeout,
                         Duration hangGrace, boolean verbose, boolean exitFirst) {
        this(python, markers, fileTimeout, testTimeout, hangGrace, verbose, exitFirst, List.of());
    }
}
