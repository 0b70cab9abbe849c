package salvo.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import salvo.adapter.Adapter;
import salvo.adapter.Adapters;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.adapter.History;
import salvo.adapter.Listing;
import salvo.adapter.RunSettings;
import salvo.cli.console.ConsoleSink;
import salvo.cli.console.SlowestTests;
import salvo.cli.console.Style;
import salvo.cli.console.Terminal;
import salvo.cli.progress.TestProgress;
import salvo.cli.tui.TuiSink;
import salvo.cli.watch.LoopOnFail;
import salvo.cli.watch.Round;
import salvo.cli.watch.RoundResult;
import salvo.error.SalvoError;
import salvo.event.EventBus;
import salvo.event.RunFinished;
import salvo.execute.Execution;
import salvo.execute.Futures;
import salvo.execute.Parallel;
import salvo.execute.PlannedUnit;
import salvo.execute.RunCannotStart;
import salvo.execute.RunControl;
import salvo.execute.RunSession;
import salvo.execute.Selection;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestUnit;
import salvo.place.Placement;
import salvo.place.Places;
import salvo.store.Journal;
import salvo.store.SqliteStore;

/**
 * `salvo run`: every adapter discovers its units, each prepares how they run, and they run
 * together under the run's policies; every run is kept. The adapters' own options join this
 * command as mixins: this class knows none of them.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run test suites (test files, commands, ...) in parallel, isolated, and keep the results.")
final class RunCommand implements Callable<Integer> {
    /** Durations for scheduling are medians over this many recent runs: recent enough to follow changes. */
    private static final int HISTORY_RUNS = 5;

    @Parameters(paramLabel = "PATH", description = "Directories, files, dotted packages or command names to run "
            + "(default: every adapter's own default, e.g. testpaths, else .)")
    List<String> paths = List.of();

    @Option(names = {"-v", "--verbose"}, description = "Verbose output, streamed per unit.")
    boolean verbose;

    @Option(names = {"-s", "--stop"}, description = "Stop handing out work at the first failure; what runs may finish.")
    boolean stop;

    @Option(names = {"-l", "--list"}, description = "List the units (with -v, their tests) without running them.")
    boolean list;

    @Option(names = {"-t", "--timeout"}, paramLabel = "S", defaultValue = "300",
            description = "Per-unit timeout in seconds (per job on persistent workers); the whole process tree is "
                    + "killed (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = {"-r", "--retries"}, paramLabel = "N", defaultValue = "0",
            description = "Run failed tests again up to N times; fail-then-pass is FLAKY (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = {"-w", "--workers", "-n", "--numprocesses"}, paramLabel = "N|auto",
            description = "Parallel workers; auto = one per CPU; 0 = one process in the foreground, for debuggers "
                    + "(default: one per CPU; min(cpus * 2, 8) with --isolation fresh).")
    String workers;

    @Option(names = "--isolation", paramLabel = "MODE",
            description = "fresh: a new process per unit; persistent: reused workers fed test by test; fork: persistent "
                    + "workers that import a unit, then fork a child to run its tests; fork-test: a child per test "
                    + "(default: fork on Linux, else fresh; fresh with -w 0; persistent with --tx or --serve).")
    String isolation;

    @picocli.CommandLine.Mixin
    PlacementOptions placement = new PlacementOptions();

    @Option(names = {"--lf", "--last-failed"}, description = "Run only what failed in the last run (its failed "
            + "tests where the isolation mode can select tests, else the failed files); everything when nothing failed.")
    boolean lastFailed;

    @Option(names = {"--ff", "--failed-first"}, description = "Run what failed in the last run first, then the rest.")
    boolean failedFirst;

    @Option(names = {"-x", "--exclude"}, paramLabel = "LIST", split = ",",
            description = "Comma-separated files (or directories) to leave out.")
    List<String> exclude = List.of();

    @Option(names = "--junit-xml", paramLabel = "PATH", description = "Also write a JUnit XML report here.")
    Path junitXml;

    @Option(names = "--durations", paramLabel = "N",
            description = "After the summary, list the N slowest tests (0: all).")
    Integer durations;

    @Option(names = "--durations-min", paramLabel = "S", defaultValue = "" + SlowestTests.DEFAULT_MIN_SECONDS,
            description = "Tests quicker than S seconds are left out of --durations's list (default: ${DEFAULT-VALUE}).")
    double durationsMin;

    @Option(names = "--tui", description = "Full-screen live dashboard (falls back to plain output off a terminal).")
    boolean tui;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = ".salvo",
            description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = {"-f", "--looponfail"}, description = "Run, then again on every change under the root: what "
            + "failed until it passes, then everything (as xdist's --looponfail); until Ctrl-C.")
    boolean loopOnFail;

    @Spec
    CommandSpec spec;

    private final Adapters adapters;
    private final List<String> passThrough;
    private final boolean watch;

    /**
     * @param passThrough what followed {@code --} on the command line, for the adapters
     * @param watch       {@code salvo watch}: always -f
     */
    RunCommand(Adapters adapters, List<String> passThrough, boolean watch) {
        this.adapters = adapters;
        this.passThrough = List.copyOf(passThrough);
        this.watch = watch;
    }

    @Override
    public Integer call() {
        validate();
        return loopOnFail || watch ? loop() : once(Optional.empty()).exit();
    }

    /** -f: this run in rounds, until Ctrl-C. */
    private int loop() {
        // An adapter's option, named only to refuse it: like -w 0 it takes the run to the foreground.
        boolean debugger = spec.commandLine().getParseResult().hasMatchedOption("--pdb");
        LoopOnFail.refuse(list, workerCount() == 0 ? Optional.of("-w 0") : debugger ? Optional.of("--pdb") : Optional.empty());
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> ownOutputs = new ArrayList<>(List.of(cwd.resolve(store)));
        if (junitXml != null) {
            ownOutputs.add(cwd.resolve(junitXml));
        }
        return new LoopOnFail(round -> once(Optional.of(round)), ownOutputs, cwd, System.out).run();
    }

    /** One run; as a round of -f, the round chooses what of the plan runs. */
    private RoundResult once(Optional<Round> round) {
        PrintStream out = System.out;
        Path cwd = Path.of("").toAbsolutePath();
        Placement where = placement.placement(cwd.resolve(store));
        RunSettings settings = settings(cwd);
        Map<Adapter, Discovery> found = discover(cwd);
        found.values().forEach(d -> d.warnings().forEach(w -> System.err.println("salvo: warning: " + w)));
        Path rootDir = found.values().stream().flatMap(d -> d.root().stream()).findFirst().orElse(cwd);
        round.ifPresent(r -> r.rootsFound(Stream.concat(found.values().stream().flatMap(d -> d.root().stream()),
                Stream.of(cwd)).toList()));
        List<TestUnit> units = found.values().stream().flatMap(d -> d.units().stream()).toList();
        if (list) {
            return RoundResult.nothingRan(list(found, settings, out));
        }
        if (units.isEmpty()) {
            String looking = String.join(", ", found.values().stream().map(Discovery::looking).filter(s -> !s.isEmpty())
                    .toList());
            System.err.println("salvo: no test files found under " + (paths.isEmpty() ? rootDir : String.join(", ", paths))
                    + (looking.isEmpty() ? "" : " (looking for " + looking + ")"));
            return RoundResult.nothingRan(ExitCode.NO_TESTS);
        }
        Path storeDir = cwd.resolve(store);
        // Opening the store overlaps with the adapters' start-up (interpreters, early workers).
        CompletableFuture<SqliteStore> opening = CompletableFuture.supplyAsync(() -> SqliteStore.open(storeDir));
        Supplier<History> known = history(opening);
        Places places;
        try {
            places = Places.open(where, rootDir, cwd, note -> System.err.println("salvo: " + note));
        } catch (RuntimeException e) {
            opening.thenAccept(SqliteStore::close); // nothing left open by a run that could not start
            throw e;
        }
        RunSettings placed = settings.withPlaces(places);
        Execution execution;
        try {
            execution = prepare(found, placed, known);
        } catch (RuntimeException e) {
            opening.thenAccept(SqliteStore::close);
            places.close();
            throw e;
        }
        try (places; execution; SqliteStore history = Futures.join(opening)) {
            Set<Adapter> used = new LinkedHashSet<>();
            found.forEach((a, d) -> {
                if (!d.units().isEmpty()) {
                    used.add(a);
                }
            });
            return run(execution, history, known.get(), storeDir, rootDir, units, used, placed, out, round);
        }
    }

    private RoundResult run(Execution execution, SqliteStore history, History known, Path storeDir, Path rootDir,
                            List<TestUnit> units, Set<Adapter> used, RunSettings settings, PrintStream out,
                            Optional<Round> round) {
        // The last run whole (for the comparison at the end, and --lf/--ff) is the largest read there
        // is: it goes on beside the run's start; its tests per unit, for the progress, are a count.
        Optional<Long> previousId = history.latestId();
        Map<String, Integer> testsLastRun = previousId.map(history::testsPerUnit).orElse(Map.of());
        CompletableFuture<Optional<RunRecord>> reading = previousId
                .map(id -> CompletableFuture.supplyAsync(() -> history.load(id)))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
        Supplier<Optional<RunRecord>> previous = () -> Futures.join(reading);
        Supplier<Optional<RunRecord>> toCompare = comparable(reading);
        Map<String, String> config = config(used, settings);
        round.ifPresent(r -> config.putAll(r.config()));
        RunInfo info = RunInfos.create(rootDir, config);
        RunControl control = new RunControl();
        EventBus bus = new EventBus();
        Journal journal = history.journal();
        bus.register(journal); // first: what finished is on disk before any display shows it
        Optional<TuiSink> dashboard = tui ? TuiSink.open(System.err, control::interrupt, testsLastRun) : Optional.empty();
        bus.register(dashboard.isPresent() ? dashboard.get() : console(out, toCompare, testsLastRun, settings));
        Thread onSignal = new Thread(() -> stopAndWait(control, settings.places()), "salvo-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        RunRecord record = null;
        boolean outputsWritten;
        RunRecorder recorder = new RunRecorder(journal, storeDir, junitXml);
        try {
            RunRecord ran;
            try {
                ran = new RunSession(execution).run(info, units, known.units(),
                        round.flatMap(Round::selection).orElse(selection(previous)), bus, control);
            } catch (RunCannotStart e) {
                // Nothing could run: the run is kept as interrupted, and ends once, as a usage error.
                recorder.save(new RunRecord(0, info, Instant.now(), RunStatus.INTERRUPTED, List.of()));
                throw e.asUsageError();
            }
            record = recorder.save(ran);
            bus.on(new RunFinished(record)); // the console's summary prints while the archive is written
        } finally {
            try {
                dashboard.ifPresent(TuiSink::close);
                if (record != null) { // after the console's summary, or the dashboard's last screen
                    out.print((dashboard.isPresent() ? afterDashboard(record, toCompare.get()) : "") + slowest(record));
                }
            } finally {
                outputsWritten = recorder.awaitFiles();
                control.markRecorded();
                removeHook(onSignal);
            }
        }
        int exit = ExitCode.of(record);
        // A report the user asked for and did not get must not look like success.
        return new RoundResult(exit == ExitCode.PASSED && !outputsWritten ? ExitCode.USAGE_ERROR : exit, Optional.of(record));
    }

    /**
     * The previous run for the comparison at the end: one that cannot be read (a damaged store)
     * costs the comparison, said once, never the run's summary. --lf and --ff read it strictly.
     */
    private static Supplier<Optional<RunRecord>> comparable(CompletableFuture<Optional<RunRecord>> reading) {
        CompletableFuture<Optional<RunRecord>> compared = new CompletableFuture<>();
        return () -> {
            if (!compared.isDone()) {
                try {
                    compared.complete(Futures.join(reading));
                } catch (SalvoError e) {
                    if (compared.complete(Optional.empty())) {
                        System.err.println("salvo: no comparison with the previous run: " + e.getMessage());
                    }
                }
            }
            return compared.join();
        };
    }

    /** --lf and --ff, from the last run in the store. */
    private UnaryOperator<List<PlannedUnit>> selection(Supplier<Optional<RunRecord>> last) {
        return plan -> {
            if (!lastFailed && !failedFirst) {
                return plan;
            }
            Optional<RunRecord> previous = last.get();
            List<PlannedUnit> chosen = lastFailed ? Selection.lastFailed(plan, previous) : plan;
            if (lastFailed && chosen == plan) {
                System.err.println("salvo: --lf: " + (previous.isEmpty() ? "no run is stored yet"
                        : "nothing of these failed in the last run") + ": running everything");
            }
            return failedFirst ? Selection.failedFirst(chosen, previous) : chosen;
        };
    }

    /** Each adapter looks at the paths that are its own (all of them, unless another claims one by name). */
    private Map<Adapter, Discovery> discover(Path cwd) {
        Map<Adapter, Discovery> found = new LinkedHashMap<>();
        Map<Adapter, List<String>> routed = PathRouting.route(adapters.all(), cwd, paths);
        for (Adapter adapter : adapters.all()) {
            List<String> own = routed.getOrDefault(adapter, List.of());
            found.put(adapter, adapter.discover(new DiscoveryRequest(cwd, own, exclude, !paths.isEmpty(), passThrough)));
        }
        return found;
    }

    /** Every adapter with units prepares its execution; the policies wrap them all. */
    private Execution prepare(Map<Adapter, Discovery> found, RunSettings settings, Supplier<History> history) {
        Map<String, Execution> executions = new LinkedHashMap<>();
        try {
            found.forEach((adapter, d) -> {
                if (!d.units().isEmpty()) {
                    executions.put(adapter.id(), adapter.prepare(settings, d.units(), history));
                }
            });
        } catch (RuntimeException e) {
            executions.values().forEach(Execution::close);
            throw e;
        }
        return RunSession.withPolicies(Parallel.of(executions), retries, stop);
    }

    /**
     * What earlier runs say, read once, as soon as the store is open: the units' durations for the
     * plan, and, beside them on a connection of their own, the tests' for a scheduler of tests.
     */
    private static Supplier<History> history(CompletableFuture<SqliteStore> opening) {
        CompletableFuture<Map<String, Duration>> tests = opening.thenApplyAsync(s -> s.testDurations(HISTORY_RUNS));
        CompletableFuture<History> read = opening.thenApplyAsync(
                s -> new History(s.unitDurations(HISTORY_RUNS), tests));
        return () -> Futures.join(read);
    }

    private int list(Map<Adapter, Discovery> found, RunSettings settings, PrintStream out) {
        int unitCount = 0;
        int testCount = 0;
        boolean problems = false;
        for (Map.Entry<Adapter, Discovery> e : found.entrySet()) {
            if (e.getValue().units().isEmpty()) {
                continue;
            }
            Listing listing = e.getKey().list(e.getValue().units(), verbose, settings);
            listing.lines().forEach(out::println);
            unitCount += e.getValue().units().size();
            testCount += Math.max(0, listing.tests());
            problems |= listing.problems();
        }
        out.println(verbose ? testCount + " tests in " + unitCount + " units" : unitCount + " unit" + (unitCount == 1 ? "" : "s"));
        if (problems) {
            return ExitCode.FAILED;
        }
        return unitCount == 0 || (verbose && testCount == 0) ? ExitCode.NO_TESTS : ExitCode.PASSED;
    }

    /** The dashboard printed its failure table; this adds which run it was and what changed since the last. */
    private String afterDashboard(RunRecord record, Optional<RunRecord> previous) {
        return "\nstored as run #" + record.id() + " in " + store + "\n"
                + previous.map(p -> Versus.previous(p, record)).orElse("");
    }

    /**
     * Ctrl-C or SIGTERM: kill every child, let the main thread store what finished, end the
     * connections to other hosts (the halt skips the main thread's closing), exit with 2.
     */
    private static void stopAndWait(RunControl control, Places places) {
        control.interrupt();
        try {
            control.awaitRecorded(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        places.close();
        System.out.flush();
        Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it will exit with the interrupted status.
        }
    }

    /** The isolation asked for, else the run's default. */
    private String isolation() {
        return isolation != null ? isolation
                : RunSettings.defaultIsolation(placement.isLocal() && !placement.serves(), "0".equals(workers));
    }

    /** --durations's list, or nothing when it was not asked for. */
    private String slowest(RunRecord record) {
        return durations == null ? "" : SlowestTests.render(record, new SlowestTests.Asked(durations,
                Duration.ofNanos(Math.round(durationsMin * 1e9))), Style.forTerminal(Terminal.isInteractive()));
    }

    private void validate() {
        if (durations != null && durations < 0) {
            throw SalvoError.usage("--durations " + durations + ": must be a number of tests, or 0 for all");
        }
        if (!(durationsMin >= 0) || Double.isInfinite(durationsMin)) {
            throw SalvoError.usage("--durations-min " + durationsMin + ": must be 0 or more seconds, e.g. 0.005");
        }
        if (!(timeout > 0)) {
            throw SalvoError.usage("-t/--timeout " + timeout + ": must be a positive number of seconds, e.g. -t 300");
        }
        if (retries < 0) {
            throw SalvoError.usage("-r/--retries " + retries + ": must be 0 or more");
        }
        if (!List.of("fresh", "persistent", "fork", "fork-test").contains(isolation())) {
            throw SalvoError.usage("--isolation " + isolation + ": use fresh, persistent, fork or fork-test");
        }
        if (placement.serves() && (loopOnFail || watch)) {
            throw SalvoError.usage("--serve with -f/watch: not yet; serve one run at a time");
        }
        if (!placement.isLocal() && workers != null) {
            throw SalvoError.usage("-w/--workers with --tx: the environments say how many workers run; "
                    + "add local ones as --tx N*popen");
        }
        workerCount();
    }

    private int workerCount() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!placement.isLocal()) {
            return placement.placement().workers();
        }
        if (workers == null) {
            return isolation().equals("fresh") ? Math.min(cpus * 2, 8) : cpus;
        }
        if (workers.equals("auto")) {
            return cpus;
        }
        if (workers.equals("0")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(workers);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw SalvoError.usage("--workers " + workers + ": must be a number of workers, 0 (foreground), or auto");
    }

    private RunSettings settings(Path cwd) {
        return new RunSettings(cwd, workerCount(), Duration.ofMillis(Math.round(timeout * 1000)), isolation(),
                isolation != null, verbose, stop, retries, passThrough, Places.none());
    }

    /** The console: a live line on a terminal (not in the foreground, where the tests own it), plain lines elsewhere. */
    private ConsoleSink console(PrintStream out, Supplier<Optional<RunRecord>> previous, Map<String, Integer> testsLastRun,
                                RunSettings settings) {
        boolean terminal = Terminal.isInteractive();
        return new ConsoleSink(out, terminal && !settings.foreground(), verbose, Style.forTerminal(terminal),
                run -> previous.get().map(p -> Versus.previous(p, run)), testsLastRun);
    }


    private Map<String, String> config(Set<Adapter> used, RunSettings settings) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("paths", String.join(" ", paths));
        c.put("workers", String.valueOf(settings.workers()));
        c.put("timeout", String.valueOf(timeout));
        c.put("retries", String.valueOf(retries));
        c.put("exclude", String.join(",", exclude));
        c.put("stop", String.valueOf(stop));
        c.put("isolation", isolation());
        if (!placement.isLocal()) {
            c.put("tx", String.join(" ", placement.tx));
        }
        if (placement.serves()) {
            c.put("serve", placement.serve);
        }
        if (!passThrough.isEmpty()) {
            c.put("pass_through", String.join(" ", passThrough));
        }
        List<String> ids = new ArrayList<>();
        for (Adapter a : used) {
            ids.add(a.id());
            c.putAll(a.describe(settings));
        }
        c.put("adapters", String.join(",", ids));
        return c;
    }

    @Override
    public String toString() {
        return "run " + paths;
    }
}
