package salvo.adapter;

import java.nio.file.Path;
import java.time.Duration;
import salvo.place.Places;

/**
 * The options of a run that every adapter honours.
 *
 * @param cwd       where salvo was started: every process a unit needs starts here unless its
 *                  adapter's own rules say otherwise
 * @param workers   parallel workers; 0 for one process in the foreground sharing the terminal
 * @param timeout   the limit on one unit's process (fresh) or one job of a worker (persistent)
 * @param isolation "fresh", "persistent", "fork", ...: how strongly units are kept apart, as
 *                  each adapter understands it (an adapter refuses what it cannot do)
 * @param isolationAsked whether the user chose the isolation (else it is the run's default, which
 *                  an adapter may set aside where its own options say how to run, as --pdb does)
 * @param verbose   more detail, streamed as the units run
 * @param stopFirst stop handing out work at the first failure
 * @param retries   how many times failed tests are planned again
 * @param passThrough what the user wrote after {@code --}: the test framework's own options,
 *                  given unchanged to every process of the adapter that takes them
 * @param places    the --tx environments, opened, for adapters whose workers can run there;
 *                  {@link Places#none()} for this machine as always
 */
public record RunSettings(Path cwd, int workers, Duration timeout, String isolation, boolean isolationAsked,
                          boolean verbose, boolean stopFirst, int retries, java.util.List<String> passThrough,
                          Places places) {
    public RunSettings {
        passThrough = java.util.List.copyOf(passThrough);
        java.util.Objects.requireNonNull(places, "places");
    }

    /** Workers on this machine, in the isolation asked for. */
    public RunSettings(Path cwd, int workers, Duration timeout, String isolation, boolean verbose,
                       boolean stopFirst, int retries, java.util.List<String> passThrough) {
        this(cwd, workers, timeout, isolation, true, verbose, stopFirst, retries, passThrough, Places.none());
    }

    public RunSettings withPlaces(Places opened) {
        return new RunSettings(cwd, workers, timeout, isolation, isolationAsked, verbose, stopFirst, retries,
                passThrough, opened);
    }

    /**
     * The isolation of a run that asks for none: the fastest that keeps each unit's state apart,
     * fork (a warm worker per CPU forks a child per file); one process in the foreground for -w 0;
     * persistent workers for workers elsewhere (--tx, --serve); a process per unit where forking
     * a warm process is not known to be safe: Windows cannot, and on macOS a child forked from a
     * process with threads may crash in the system's frameworks (why Python's multiprocessing
     * spawns there), so only Linux forks by default.
     */
    public static String defaultIsolation(boolean workersHere, boolean foreground) {
        if (!workersHere) {
            return "persistent";
        }
        return foreground || !System.getProperty("os.name", "").equals("Linux") ? "fresh" : "fork";
    }

    /** -w 0: one process in the foreground; with --serve, -w 0 means no workers here, only those that join. */
    public boolean foreground() {
        return workers == 0 && places.served().isEmpty();
    }
}
