package salvo.pytest;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;
import salvo.error.SalvoError;
import salvo.schedule.DistMode;

/** The pytest adapter's own options of {@code salvo run}, added to the command as a mixin. */
public final class PytestRunOptions {
    static final String DEFAULT_MARKER = "not integration";

    @Option(names = {"-m", "--marker"}, paramLabel = "EXPR", defaultValue = DEFAULT_MARKER,
            description = "pytest marker expression; \"\" runs everything (default: ${DEFAULT-VALUE}).")
    String marker = DEFAULT_MARKER;

    @Option(names = {"-k", "--keyword"}, paramLabel = "EXPR",
            description = "pytest's -k: only tests whose names match the expression.")
    String keyword;

    @Option(names = "--test-timeout", paramLabel = "S", defaultValue = "0",
            description = "Per-test timeout in seconds, enforced inside pytest; 0 for none (default: ${DEFAULT-VALUE}).")
    double testTimeout;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "The Python interpreter (default: ${DEFAULT-VALUE} on PATH).")
    String python = "python3";

    @Option(names = "--pyargs", description = "The PATHs are dotted names of installed packages or modules, as "
            + "pytest's --pyargs: their own tests run, with their conftest.py files.")
    boolean pyargs;

    @Option(names = "--pdb", description = "Start pytest's debugger on failures: runs in the foreground, as -w 0.")
    boolean pdb;

    @Option(names = "--dist", paramLabel = "MODE",
            description = "With persistent workers: load (default), loadfile, loadscope, loadgroup, each, no.")
    String dist;

    @Option(names = "--max-tests-per-worker", paramLabel = "N", defaultValue = "0",
            description = "Replace a persistent worker after N tests; 0 never (default: ${DEFAULT-VALUE}).")
    int maxTestsPerWorker;

    @Option(names = "--max-worker-restart", paramLabel = "N",
            description = "How many crashed persistent workers may be replaced (default: 4 per worker).")
    Integer maxWorkerRestart;

    @Option(names = "--no-capture", description = "Persistent workers: pytest's capture off, output streamed live as [gwN] lines.")
    boolean noCapture;

    @Option(names = "--hang-grace", paramLabel = "S", defaultValue = "5",
            description = "How long a file's process may linger after its tests before it is killed (default: ${DEFAULT-VALUE}).")
    double hangGrace = 5;

    /** Refuses what cannot work together, before anything starts. */
    void validate(String isolation) {
        if (!(testTimeout >= 0)) {
            throw SalvoError.usage("--test-timeout " + testTimeout + ": must be 0 (none) or a positive number of seconds");
        }
        if (!(hangGrace >= 0)) {
            throw SalvoError.usage("--hang-grace " + hangGrace + ": must be 0 or more seconds");
        }
        if (maxTestsPerWorker < 0) {
            throw SalvoError.usage("--max-tests-per-worker " + maxTestsPerWorker + ": must be 0 (never) or more");
        }
        if (maxWorkerRestart != null && maxWorkerRestart < 0) {
            throw SalvoError.usage("--max-worker-restart " + maxWorkerRestart + ": must be 0 or more");
        }
        boolean fresh = isolation.equals("fresh");
        if (dist != null) {
            if (fresh) {
                throw SalvoError.usage("--dist " + dist + " distributes tests to persistent workers: add --isolation persistent");
            }
            distMode();
        }
        if (maxTestsPerWorker > 0 && fresh) {
            throw SalvoError.usage("--max-tests-per-worker recycles persistent workers: with --isolation fresh every "
                    + "file already gets a new process; add --isolation persistent or drop it");
        }
        if (noCapture && fresh) {
            throw SalvoError.usage("--no-capture streams persistent workers' output: add --isolation persistent (or use -v)");
        }
    }

    DistMode distMode() {
        try {
            return dist == null ? DistMode.LOAD : DistMode.parse(dist);
        } catch (IllegalArgumentException e) {
            throw SalvoError.usage(e.getMessage());
        }
    }

    String distName() {
        return distMode().name().toLowerCase(Locale.ROOT);
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
