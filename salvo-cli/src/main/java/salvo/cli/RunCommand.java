package salvo.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import salvo.cli.console.ConsoleSink;
import salvo.cli.console.Style;
import salvo.cli.console.Terminal;
import salvo.cli.tui.TuiSink;
import salvo.error.SalvoError;
import salvo.event.EventBus;
import salvo.event.RunFinished;
import salvo.execute.Execution;
import salvo.execute.Executor;
import salvo.execute.RetryingRunner;
import salvo.execute.RunControl;
import salvo.execute.RunSession;
import salvo.model.RunInfo;
import salvo.model.RunRecord;
import salvo.model.TestUnit;
import salvo.pytest.ForegroundExecution;
import salvo.pytest.PersistentExecution;
import salvo.pytest.PersistentOptions;
import salvo.pytest.PytestFileRunner;
import salvo.pytest.WorkerPool;
import salvo.pytest.PytestOptions;
import salvo.pytest.PythonPlugin;
import salvo.pytest.PythonProbe;
import salvo.schedule.DistMode;
import salvo.store.SqliteStore;

/** `salvo run`: discover pytest files and run each in its own process, in parallel; keep the run. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run pytest test files, each in its own process, in parallel, and keep the results.")
final class RunCommand implements Callable<Integer> {
    /** Durations for scheduling are medians over this many recent runs: recent enough to follow changes. */
    private static final int HISTORY_RUNS = 5;

    @Parameters(paramLabel = "PATH", description = "Directories, files or dotted packages to run (default: testpaths, else .)")
    List<String> paths = List.of();

    @Option(names = {"-v", "--verbose"}, description = "Verbose pytest output, streamed per file.")
    boolean verbose;

    @Option(names = {"-s", "--stop"}, description = "Stop on the first failure (runs sequentially).")
    boolean stop;

    @Option(names = {"-l", "--list"}, description = "List the test files (with -v, their tests) without running them.")
    boolean list;

    @Option(names = {"-t", "--timeout"}, paramLabel = "S", defaultValue = "300",
            description = "Per-file timeout in seconds; the whole process tree is killed (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--test-timeout", paramLabel = "S", defaultValue = "0",
            description = "Per-test timeout in seconds, enforced inside pytest; 0 for none (default: ${DEFAULT-VALUE}).")
    double testTimeout;

    @Option(names = {"-m", "--marker"}, paramLabel = "EXPR", defaultValue = "not integration",
            description = "pytest marker expression; \"\" runs everything (default: ${DEFAULT-VALUE}).")
    String marker;

    @Option(names = {"-r", "--retries"}, paramLabel = "N", defaultValue = "0",
            description = "Re-run failed files up to N times; fail-then-pass is FLAKY (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = {"-w", "--workers", "-n", "--numprocesses"}, paramLabel = "N|auto",
            description = "Parallel workers; auto = one per CPU; 0 = one pytest process in the foreground, for debuggers "
                    + "(default: min(cpus * 2, 8) for fresh, cpus for persistent).")
    String workers;

    @Option(names = "--pdb", description = "Start pytest's debugger on failures: runs in the foreground, as -w 0.")
    boolean pdb;

    @Option(names = "--isolation", paramLabel = "MODE", defaultValue = "fresh",
            description = "fresh: a new process per file; persistent: reused workers fed test by test; fork: persistent "
                    + "workers that fork a child per file (default: ${DEFAULT-VALUE}).")
    String isolation;

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

    @Option(names = {"-x", "--exclude"}, paramLabel = "LIST", split = ",",
            description = "Comma-separated files (or directories) to leave out.")
    List<String> exclude = List.of();

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "The Python interpreter (default: ${DEFAULT-VALUE} on PATH).")
    String python;

    @Option(names = "--junit-xml", paramLabel = "PATH", description = "Also write a JUnit XML report here.")
    Path junitXml;

    @Option(names = "--tui", description = "Full-screen live dashboard (falls back to plain output off a terminal).")
    boolean tui;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = ".salvo",
            description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--hang-grace", paramLabel = "S", defaultValue = "5",
            description = "How long a file's process may linger after its tests before it is killed (default: ${DEFAULT-VALUE}).")
    double hangGrace;

    @Override
    public Integer call() {
        validate();
        PrintStream out = System.out;
        Path cwd = Path.of("").toAbsolutePath();
        PytestProject.Found project = PytestProject.discover(cwd, paths, exclude);
        project.discovery().unmatchedExcludes().forEach(x ->
                System.err.println("salvo: warning: --exclude '" + x + "' matched no test file"));
        project.discovery().warnings().forEach(w -> System.err.println("salvo: warning: " + w));
        List<TestUnit> units = project.discovery().units();
        Path rootDir = project.config().rootdir();
        if (list) {
            return TestLister.list(units, verbose, options(), rootDir, out);
        }
        if (units.isEmpty()) {
            System.err.println("salvo: no test files found under " + (paths.isEmpty() ? rootDir : String.join(", ", paths))
                    + " (looking for " + String.join(" ", project.config().pythonFiles()) + ")");
            return ExitCode.NO_TESTS;
        }
        // pytest's start-up is the long pole of a short run: check the interpreter and start
        // persistent workers now, while the store opens.
        CompletableFuture<PythonProbe.PythonInfo> probe = CompletableFuture.supplyAsync(() -> PythonProbe.probe(python, marker));
        Path plugin = PythonPlugin.install();
        Path storeDir = cwd.resolve(store);
        PersistentOptions persistent = persistentOptions();
        try (WorkerPool pool = persistent == null ? null : WorkerPool.start(
                PersistentExecution.workersFor(persistent, units.size()), options(), persistent, rootDir, plugin);
             SqliteStore history = SqliteStore.open(storeDir)) {
            PythonProbe.PythonInfo pythonInfo = await(probe);
            Optional<RunRecord> previous = history.latest();
            RunInfo info = RunInfos.create(rootDir, config(pythonInfo));
            RunControl control = new RunControl();
            EventBus bus = new EventBus();
            Optional<TuiSink> dashboard = tui ? TuiSink.open(System.err, control::interrupt) : Optional.empty();
            bus.register(dashboard.isPresent() ? dashboard.get() : console(out, previous));
            Thread onSignal = new Thread(() -> stopAndWait(control), "salvo-interrupt");
            Runtime.getRuntime().addShutdownHook(onSignal);
            RunRecord record = null;
            boolean outputsWritten = true;
            try {
                Map<String, Duration> fileDurations = history.unitDurations(HISTORY_RUNS);
                RunSession session = new RunSession(execution(rootDir, plugin, persistent, pool, fileDurations, history));
                RunRecorder recorder = new RunRecorder(history, storeDir, junitXml);
                record = recorder.save(session.run(info, units, fileDurations, bus, control));
                outputsWritten = recorder.everythingWritten();
                bus.on(new RunFinished(record));
            } finally {
                if (dashboard.isPresent()) {
                    dashboard.get().close();
                    if (record != null) {
                        out.print(afterDashboard(record, previous));
                    }
                }
                control.markRecorded();
                removeHook(onSignal);
            }
            int exit = ExitCode.of(record);
            // A report the user asked for and did not get must not look like success.
            return exit == ExitCode.PASSED && !outputsWritten ? ExitCode.USAGE_ERROR : exit;
        }
    }

    /** The dashboard printed its failure table; this adds which run it was and what changed since the last. */
    private String afterDashboard(RunRecord record, Optional<RunRecord> previous) {
        return "\nstored as run #" + record.id() + " in " + store + "\n"
                + previous.map(p -> Versus.previous(p, record)).orElse("");
    }

    /** Ctrl-C or SIGTERM: kill every child, let the main thread store what finished, exit with 2. */
    private static void stopAndWait(RunControl control) {
        control.interrupt();
        try {
            control.awaitRecorded(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private void validate() {
        if (!(timeout > 0)) {
            throw SalvoError.usage("-t/--timeout " + timeout + ": must be a positive number of seconds, e.g. -t 300");
        }
        if (!(testTimeout >= 0)) {
            throw SalvoError.usage("--test-timeout " + testTimeout + ": must be 0 (none) or a positive number of seconds");
        }
        if (retries < 0) {
            throw SalvoError.usage("-r/--retries " + retries + ": must be 0 or more");
        }
        workerCount();
        if (foreground() && (!isolation.equals("fresh") || retries > 0)) {
            throw SalvoError.usage((pdb ? "--pdb" : "-w 0") + " runs every file in one foreground process: drop "
                    + (retries > 0 ? "-r/--retries" : "--isolation persistent"));
        }
        if (!List.of("fresh", "persistent", "fork").contains(isolation)) {
            throw SalvoError.usage("--isolation " + isolation + ": use fresh, persistent or fork");
        }
        if (dist != null) {
            if (isolation.equals("fresh")) {
                throw SalvoError.usage("--dist " + dist + " distributes tests to persistent workers: add --isolation persistent");
            }
            distMode();
        }
        if (maxTestsPerWorker > 0 && isolation.equals("fresh")) {
            throw SalvoError.usage("--max-tests-per-worker recycles persistent workers: with --isolation fresh every "
                    + "file already gets a new process; add --isolation persistent or drop it");
        }
        if (noCapture && isolation.equals("fresh")) {
            throw SalvoError.usage("--no-capture streams persistent workers' output: add --isolation persistent (or use -v)");
        }
        if (!isolation.equals("fresh") && (retries > 0 || stop)) {
            throw SalvoError.usage((stop ? "-s/--stop" : "-r/--retries") + " works with --isolation fresh only, for now: "
                    + "drop it or run with --isolation fresh");
        }
        if (maxTestsPerWorker < 0) {
            throw SalvoError.usage("--max-tests-per-worker " + maxTestsPerWorker + ": must be 0 (never) or more");
        }
        if (maxWorkerRestart != null && maxWorkerRestart < 0) {
            throw SalvoError.usage("--max-worker-restart " + maxWorkerRestart + ": must be 0 or more");
        }
        if (!(hangGrace >= 0)) {
            throw SalvoError.usage("--hang-grace " + hangGrace + ": must be 0 or more seconds");
        }
    }

    private int workerCount() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (workers == null) {
            return isolation.equals("fresh") ? Math.min(cpus * 2, 8) : cpus;
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

    private DistMode distMode() {
        try {
            return dist == null ? DistMode.LOAD : DistMode.parse(dist);
        } catch (IllegalArgumentException e) {
            throw SalvoError.usage(e.getMessage());
        }
    }

    /** How the files run: in the foreground (-w 0, --pdb), a process per file, or on persistent workers. */
    private Execution execution(Path rootDir, Path plugin, PersistentOptions persistent, WorkerPool pool,
                                Map<String, Duration> fileDurations, SqliteStore history) {
        if (foreground()) {
            return new ForegroundExecution(options(), rootDir, plugin, pdb ? List.of("--pdb") : List.of());
        }
        if (persistent == null) {
            return fileByFile(rootDir, plugin);
        }
        return new PersistentExecution(persistent, options(), pool, fileDurations, history.testDurations(HISTORY_RUNS));
    }

    /** The console: a live line on a terminal (not in the foreground, where pytest owns it), plain lines elsewhere. */
    private ConsoleSink console(PrintStream out, Optional<RunRecord> previous) {
        boolean terminal = Terminal.isInteractive();
        return new ConsoleSink(out, terminal && !foreground(), verbose, Style.forTerminal(terminal),
                run -> previous.map(p -> Versus.previous(p, run)));
    }

    /** -w 0 or --pdb: one pytest process that shares the user's terminal. */
    private boolean foreground() {
        return pdb || "0".equals(workers);
    }

    /** Seed 000's isolation: a new process per file, retried as a whole. */
    private Execution fileByFile(Path rootDir, Path plugin) {
        PytestFileRunner files = new PytestFileRunner(options(), rootDir, plugin);
        return new Executor(new RetryingRunner(files, retries), stop ? 1 : workerCount(), stop);
    }

    /** The persistent workers' settings, or null for --isolation fresh. */
    private PersistentOptions persistentOptions() {
        if (isolation.equals("fresh")) {
            return null;
        }
        int n = workerCount();
        return new PersistentOptions(n, distMode(), maxTestsPerWorker, maxWorkerRestart != null ? maxWorkerRestart : 4 * n,
                noCapture, isolation.equals("fork"));
    }

    /** The probe's answer; its SalvoError (a bad interpreter, no pytest) as thrown by the probe itself. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    PytestOptions options() {
        return new PytestOptions(python, marker, seconds(timeout), seconds(testTimeout), seconds(hangGrace), verbose, stop);
    }

    private Map<String, String> config(PythonProbe.PythonInfo pythonInfo) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("paths", String.join(" ", paths));
        c.put("marker", marker);
        c.put("workers", foreground() ? "0" : String.valueOf(stop ? 1 : workerCount()));
        c.put("timeout", String.valueOf(timeout));
        c.put("test_timeout", String.valueOf(testTimeout));
        c.put("retries", String.valueOf(retries));
        c.put("exclude", String.join(",", exclude));
        c.put("stop", String.valueOf(stop));
        c.put("isolation", isolation);
        if (!isolation.equals("fresh")) {
            c.put("dist", distMode().name().toLowerCase(java.util.Locale.ROOT));
            c.put("max_tests_per_worker", String.valueOf(maxTestsPerWorker));
        }
        c.put("python", python);
        c.put("python_version", pythonInfo.pythonVersion());
        c.put("pytest_version", pythonInfo.pytestVersion());
        return c;
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    @Override
    public String toString() {
        return "run " + Arrays.toString(paths.toArray());
    }
}
