package salvo.cli.watch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import salvo.error.SalvoError;

/**
 * {@code salvo watch} and {@code salvo run -f}: runs, then after every change under the run's
 * roots runs again, the failures until they pass, then everything ({@link NextRound}), until
 * Ctrl-C. Each round is a whole run of its own, stored as such.
 *
 * <p>Ctrl-C during a round is the run's own (it kills the workers, stores the partial run and
 * exits with 2); while waiting, it ends the watch with the last round's status.
 */
public final class LoopOnFail {
    /** A save that touches several files is one change once nothing else changed for this long. */
    private static final Duration QUIET = Duration.ofMillis(200);
    /** How long a signal waits for the round that is ending to be stored. */
    private static final long STOP_WAIT_SECONDS = 30;
    private static final int INTERRUPTED = 2;

    private final Function<Round, RoundResult> rounds;
    private final IgnoredPaths ignored;
    private final Path cwd;
    private final PrintStream out;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile int status = INTERRUPTED;
    private volatile ChangeWatcher watcher;
    private List<Path> watched = List.of();

    /**
     * @param rounds     runs one round as the command line's run
     * @param ownOutputs what Salvo writes during a round (the store, a JUnit report): not a change
     */
    public LoopOnFail(Function<Round, RoundResult> rounds, Collection<Path> ownOutputs, Path cwd, PrintStream out) {
        this.rounds = rounds;
        List<Path> ours = new ArrayList<>(ownOutputs);
        ours.addAll(IgnoredPaths.redirectedOutput());
        this.ignored = new IgnoredPaths(ours);
        this.cwd = cwd;
        this.out = out;
    }

    /** Refuses what cannot loop: a listing runs nothing, and a foreground run belongs to a person at a debugger. */
    public static void refuse(boolean list, Optional<String> foregroundOption) {
        if (list) {
            throw SalvoError.usage("-f/--looponfail runs the tests again on every change: drop -l/--list");
        }
        foregroundOption.ifPresent(option -> {
            throw SalvoError.usage("-f/--looponfail runs the tests again on every change, " + option
                    + " runs them in the foreground for a debugger: drop one of them");
        });
    }

    /** @return the exit status of the last round (2 if it was stopped) */
    public int run() {
        Thread onSignal = new Thread(this::stopFromSignal, "salvo-watch-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            status = loop();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            status = INTERRUPTED; // a signal cut a round short before it could take Ctrl-C over
        } finally {
            closeWatcher();
            ended.countDown();
            removeHook(onSignal);
        }
        return status;
    }

    private int loop() {
        RoundPlan plan = RoundPlan.first();
        List<Path> changes = List.of();
        for (int number = 1; ; number++) {
            out.println(RoundHeader.text(number, plan, changes, cwd));
            out.flush();
            RoundResult result = round(new Round(number, plan, this::watch));
            status = result.exit();
            if (number == 1 && result.run().isEmpty()) {
                return result.exit(); // nothing to loop on: ends as the plain run would
            }
            Optional<RoundPlan> next = NextRound.after(plan, result.run());
            if (next.isEmpty() || stopping) {
                return result.exit();
            }
            plan = next.get();
            changes = List.of();
            if (plan.afterChange()) {
                Optional<List<Path>> changed = awaitChange();
                if (changed.isEmpty()) {
                    return status;
                }
                changes = changed.get();
            }
        }
    }

    /** A round; after the first, a round that cannot run says why and the loop waits for the fix. */
    private RoundResult round(Round round) {
        boolean first = watcher == null;
        try {
            return rounds.apply(round);
        } catch (SalvoError e) {
            if (first || stopping) {
                throw e;
            }
            System.err.println("salvo: " + e.getMessage());
            return RoundResult.nothingRan(e.exitCode());
        }
    }

    private Optional<List<Path>> awaitChange() {
        out.println(RoundHeader.waiting(watched));
        out.flush();
        try {
            return watcher.awaitChange();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Starts the watch once, from the first round's roots, before its tests run: a change while they run counts. */
    private void watch(List<Path> roots) {
        if (watcher != null || stopping) {
            return;
        }
        watched = ChangeWatcher.outermost(roots);
        try {
            watcher = ChangeWatcher.start(watched, ignored, QUIET);
        } catch (IOException e) {
            throw SalvoError.usage("-f/--looponfail cannot watch " + String.join(", ", watched.stream()
                    .map(Path::toString).toList()) + ": " + e.getMessage()
                    + " (too many directories? see /proc/sys/fs/inotify/max_user_watches)");
        }
    }

    /**
     * Ctrl-C or SIGTERM. While waiting: the watch ends and the JVM exits with the last round's
     * status. During a round the run's own hook stops and stores it; this waits for the loop to
     * see it.
     */
    private void stopFromSignal() {
        stopping = true;
        closeWatcher();
        try {
            ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        // A shutdown hook cannot return a status: the JVM's own for a signal would hide the round's.
        Runtime.getRuntime().halt(status);
    }

    private void closeWatcher() {
        ChangeWatcher w = watcher;
        if (w != null) {
            w.close();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs now: it exits with the status the loop ended with.
        }
    }
}
