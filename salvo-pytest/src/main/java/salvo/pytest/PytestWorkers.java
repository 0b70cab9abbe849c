package salvo.pytest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import salvo.adapter.RunSettings;
import salvo.coordinator.Seat;
import salvo.coordinator.WorkerPool;
import salvo.error.SalvoError;
import salvo.execute.Futures;
import salvo.execute.Threads;
import salvo.model.WorkerRef;
import salvo.place.Place;
import salvo.place.Turns;
import salvo.worker.Transport;
import salvo.worker.WorkerSpec;

/**
 * Where a run's persistent pytest workers go and how each is started there: on this machine, in
 * each {@code --tx} environment (its interpreter, its copy of the plugin, its paths), and, with
 * {@code --serve}, the workers that join. Each worker there gets the same pytest command line the
 * run would use here, named as that environment names things.
 */
final class PytestWorkers {
    static final String SLOTS = "gw";

    private final RunSettings run;
    private final Path cwd;
    private final Path plugin;
    private final String testrunUid;
    private final Transport transport;
    private final String python;
    private final boolean noCapture;
    /** The run's pytest options for an interpreter, with local paths named as the place names them. */
    private final BiFunction<String, UnaryOperator<Path>, PytestOptions> pytestThere;

    PytestWorkers(RunSettings run, Path cwd, Path plugin, String testrunUid, Transport transport, String python,
                  boolean noCapture, BiFunction<String, UnaryOperator<Path>, PytestOptions> pytestThere) {
        this.run = run;
        this.cwd = cwd;
        this.plugin = plugin;
        this.testrunUid = testrunUid;
        this.transport = transport;
        this.python = python;
        this.noCapture = noCapture;
        this.pytestThere = pytestThere;
    }

    /**
     * Starts {@code workers} workers where the run places them, and admits joining workers when it
     * serves. {@code fork} is the fork isolation ("file", "test" or null); {@code measured} adds
     * coverage's environment when the run measures it; {@code told} is what a worker that builds
     * its own command (one that joins, or listens) is told of the run.
     */
    WorkerPool start(int workers, String fork, UnaryOperator<Map<String, String>> measured, JoinSettings told) {
        WorkerPool pool;
        if (run.places().isLocal()) {
            WorkerSpec spec = new WorkerSpec(PytestCommand.worker(pytestThere.apply(python, path -> path), noCapture,
                    fork), measured.apply(PluginEnvironment.distributed(plugin, workers, testrunUid)), cwd, python, true,
                    io());
            pool = WorkerPool.start(transport, spec, SLOTS, workers, "check --python");
        } else {
            pool = WorkerPool.start(seats(workers, fork, measured, told), workers, "check --tx");
        }
        run.places().served().ifPresent(served -> pool.serve(served, told.toJson(), SLOTS));
        return pool;
    }

    /** -v streams what pytest reports, as a process per file would; --no-capture the tests' own output too. */
    private WorkerSpec.Io io() {
        return noCapture || run.verbose() ? WorkerSpec.Io.STREAMED : WorkerSpec.Io.CAPTURED;
    }

    /** A seat per worker of each --tx environment, taking environments in turn so a short run still spreads. */
    private List<Seat> seats(int workers, String fork, UnaryOperator<Map<String, String>> measured, JoinSettings told) {
        // Each environment is checked and given the plugin at once: every step there is a round trip.
        ExecutorService threads = Threads.daemons("salvo-stage");
        JsonNode settings = told.toJson();
        Map<Place, CompletableFuture<WorkerSpec>> staging = new LinkedHashMap<>();
        for (Place place : run.places().all()) {
            staging.put(place, CompletableFuture.supplyAsync(
                    () -> spec(place, workers, fork, measured).withSettings(settings), threads));
        }
        threads.shutdown();
        Map<Place, WorkerSpec> specs = new LinkedHashMap<>();
        staging.forEach((place, f) -> specs.put(place, Futures.join(f)));
        List<Seat> seats = new ArrayList<>();
        for (Place place : Turns.of(run.places().all(), p -> p.spec().count())) {
            WorkerRef ref = new WorkerRef(place.host(), SLOTS + (seats.size() + 1));
            seats.add(new Seat(ref, place.transport(), specs.get(place), place.isRemote(), place.spec().environmentName()));
        }
        return seats;
    }

    /** The worker's command as that environment names things: its interpreter, its copy of the plugin, its paths. */
    private WorkerSpec spec(Place place, int workers, String fork, UnaryOperator<Map<String, String>> measured) {
        String where = "--tx " + place.spec().text() + ": ";
        String interpreter = place.spec().python().orElse(python);
        try {
            Place.Ready ready = place.ready(plugin, interpreter);
            ready.missing().ifPresent(why -> {
                throw SalvoError.usage(where + why + "; name the interpreter there with //python=EXE");
            });
            Map<String, String> env = new HashMap<>(place.isRemote()
                    ? PluginEnvironment.elsewhere(ready.bundle(), workers, testrunUid)
                    : PluginEnvironment.distributed(plugin, workers, testrunUid));
            env.putAll(place.spec().environment());
            PytestOptions pytest = pytestThere.apply(interpreter, place::directory);
            return new WorkerSpec(PytestCommand.worker(pytest, noCapture, fork), measured.apply(env),
                    place.directory(cwd), interpreter, true, io());
        } catch (IOException e) {
            throw SalvoError.usage(where + e.getMessage());
        }
    }
}
