package salvo.pytest;

import java.util.ArrayList;
import java.util.List;

/** The argument list of one pytest process. Pure. */
public final class PytestCommand {
    public static final String PLUGIN = "salvo_pytest.plugin";

    private PytestCommand() {}

    /** A process that runs the given test file(s) (paths relative to the rootdir) and reports to Salvo. */
    public static List<String> run(PytestOptions options, List<String> files) {
        List<String> args = base(options);
        if (!options.markers().isEmpty()) {
            args.add("-m");
            args.add(options.markers());
        }
        if (options.testTimeout().toMillis() > 0) {
            args.add("--salvo-test-timeout=" + options.testTimeout().toMillis() / 1000.0);
        }
        args.add(options.verbose() ? "-v" : "-q");
        if (options.exitFirst()) {
            args.add("-x");
        }
        args.addAll(options.extraArgs()); // the user's last, so that theirs win (-m, -v, ...)
        args.add("--");
        args.addAll(files);
        return args;
    }

    /**
     * A persistent worker: collects nothing by itself, then collects and runs what the
     * coordinator sends it, file by file (docs/worker-protocol.md).
     */
    /** @param fork "file" (a child per file's run), "test" (a child per test), or null */
    public static List<String> worker(PytestOptions options, boolean liveOutput, String fork) {
        // Results travel on the channel, so pytest's end-of-session summary is skipped: it would
        // only cost time at the end of every worker (plugins such as hypothesis import themselves
        // there). The terminal reporter itself stays: pytest's assertion explanations need it.
        List<String> args = base(options);
        args.add("--salvo-worker");
        if ("file".equals(fork)) {
            args.add("--salvo-fork");
        } else if ("test".equals(fork)) {
            args.add("--salvo-fork-test");
        }
        args.add("--no-summary");
        args.add(options.verbose() ? "-v" : "-q"); // -v: pytest's line per test, streamed as with a file's process
        if (!options.markers().isEmpty()) {
            args.add("-m");
            args.add(options.markers());
        }
        if (options.testTimeout().toMillis() > 0) {
            args.add("--salvo-test-timeout=" + options.testTimeout().toMillis() / 1000.0);
        }
        if (liveOutput) {
            args.add("--capture=no");
        }
        args.addAll(options.extraArgs());
        return args;
    }

    /** A process that only collects, to list the tests of the given files. */
    public static List<String> collect(PytestOptions options, List<String> files) {
        List<String> args = base(options);
        if (!options.markers().isEmpty()) {
            args.add("-m");
            args.add(options.markers());
        }
        args.add("--collect-only");
        args.add("-q");
        args.addAll(options.extraArgs());
        args.add("--");
        args.addAll(files);
        return args;
    }

    /**
     * After a run with pytest-cov's --cov: a session that runs no test and has pytest-cov combine
     * the data in {@code dataDir} and report it, with the user's options, quietly but for the report.
     */
    public static List<String> coverageReport(PytestOptions options, String dataDir) {
        List<String> args = base(options);
        args.addAll(options.extraArgs());
        args.add("--salvo-coverage-report=" + dataDir);
        args.add("-qq");
        return args;
    }

    private static List<String> base(PytestOptions options) {
        // The cache plugin is off: many pytest processes writing .pytest_cache at once would race.
        List<String> args = new ArrayList<>(List.of(options.python(), "-m", "pytest", "-p", PLUGIN, "-p",
                "no:cacheprovider", "--color=no"));
        return args;
    }
}
