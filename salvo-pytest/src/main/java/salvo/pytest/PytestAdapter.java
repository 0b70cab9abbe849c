package salvo.pytest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import salvo.adapter.Adapter;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.adapter.History;
import salvo.adapter.Listing;
import salvo.adapter.RunSettings;
import salvo.coordinator.PersistentExecution;
import salvo.coordinator.PersistentSettings;
import salvo.coordinator.WorkerKind;
import salvo.coordinator.WorkerPool;
import salvo.error.SalvoError;
import salvo.execute.Execution;
import salvo.execute.Futures;
import salvo.execute.Executor;
import salvo.model.TestUnit;
import salvo.pytest.discovery.TestFileFinder;
import salvo.worker.LocalTransport;
import salvo.worker.Transport;

/**
 * pytest suites: test files found as pytest finds them, run a process per file (fresh), on
 * persistent workers fed test by test (persistent), on warm workers that fork a child per
 * file's work (fork), or all in one foreground process sharing the terminal (-w 0, --pdb).
 */
public final class PytestAdapter implements Adapter {
    public static final String ID = TestFileFinder.ADAPTER;
    private static final String SLOTS = PytestWorkers.SLOTS;

    private final PytestRunOptions options = new PytestRunOptions();
    private final Transport transport = new LocalTransport();
    /** xdist's PYTEST_XDIST_TESTRUNUID: one id for every worker of this run. */
    private final String testrunUid = java.util.UUID.randomUUID().toString().replace("-", "");
    private Path rootDir;
    private Optional<Path> configFile = Optional.empty();
    private PytestArgs pytestArgs = PytestArgs.parse(List.of());
    private Path cwd;
    private PythonProbe.PythonInfo python;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Discovery discover(DiscoveryRequest request) {
        cwd = request.cwd();
        if (request.nothingNamedIsOurs()) {
            return Discovery.none("");
        }
        pytestArgs = PytestArgs.parse(request.passThrough());
        List<String> paths = options.pyargs ? PyargsResolver.resolve(options.python, request.paths(), request.cwd())
                : request.paths();
        PytestProject.Found found = PytestProject.discover(request.cwd(), paths, request.excludes(), pytestArgs);
        rootDir = found.config().rootdir();
        configFile = found.config().configFile();
        List<String> warnings = new java.util.ArrayList<>();
        for (String x : found.discovery().unmatchedExcludes()) {
            if (!request.excludes().contains(x)) {
                continue; // pytest's own --ignore: no word of ours
            }
            if (found.discovery().missingExcludes().contains(x)) {
                throw SalvoError.usage("-x/--exclude '" + x + "': no such file or directory (relative to " + request.cwd()
                        + " or the rootdir " + rootDir + "); check the path, or give a file name or a glob");
            }
            warnings.add("--exclude '" + x + "' matched no test file");
        }
        warnings.addAll(found.discovery().warnings());
        return new Discovery(found.discovery().units(), Optional.of(rootDir), warnings,
                String.join(" ", found.config().pythonFiles()));
    }

    @Override
    public Execution prepare(RunSettings run, List<TestUnit> units, Supplier<History> history) {
        if (rootDir == null) {
            throw new IllegalStateException("prepare before discover");
        }
        options.validate(run.isolation()); // --pdb and -w 0 against the run's settings: PytestRunRules
        boolean foreground = run.foreground() || options.pdb;
        PytestRunRules.check(run, options, pytestArgs, foreground);
        boolean serving = run.places().served().isPresent();
        // pytest's start-up is the long pole of a short run: check the interpreter while workers start
        // (here: workers elsewhere are checked where they run).
        boolean here = run.places().isLocal() || run.places().all().stream().anyMatch(p -> !p.isRemote());
        CompletableFuture<PythonProbe.PythonInfo> probe = here
                ? CompletableFuture.supplyAsync(() -> PythonProbe.probe(options.python, options.marker))
                : CompletableFuture.completedFuture(null);
        Path plugin = PythonPlugin.install();
        PytestOptions pytest = pytestOptions(run);
        if (foreground) {
            python = Futures.join(probe);
            return new ForegroundExecution(pytest, new PytestPlaces(cwd, rootDir), plugin,
                    options.pdb ? List.of("--pdb") : List.of(), transport);
        }
        Optional<CoverageExecution.Data> coverage = pytestArgs.coverage()
                ? Optional.of(new CoverageExecution.Data()) : Optional.empty();
        Execution execution;
        try {
            execution = prepareWorkers(run, units, history, probe, plugin, pytest, coverage, serving);
        } catch (RuntimeException e) {
            coverage.ifPresent(CoverageExecution.Data::close);
            throw e;
        }
        return coverage.<Execution>map(data -> new CoverageExecution(execution, data, pytest,
                new PytestPlaces(cwd, rootDir), plugin, System.out)).orElse(execution);
    }

    /** Fresh processes or persistent workers; with coverage, each of them writes its data where the run reads it. */
    private Execution prepareWorkers(RunSettings run, List<TestUnit> units, Supplier<History> history,
                                     CompletableFuture<PythonProbe.PythonInfo> probe, Path plugin, PytestOptions pytest,
                                     Optional<CoverageExecution.Data> coverage, boolean serving) {
        java.util.function.UnaryOperator<Map<String, String>> measured = env -> coverage.map(c -> c.environment(env))
                .orElse(env);
        if (run.isolation().equals("fresh")) {
            python = Futures.join(probe);
            // -s runs files one at a time, each stopping at its first failure, as seed 000 does.
            int slots = run.stopFirst() ? 1 : run.workers();
            return new Executor(new PytestFileRunner(pytest, new PytestPlaces(cwd, rootDir),
                    measured.apply(PluginEnvironment.distributed(plugin, Math.min(slots, units.size()), testrunUid)),
                    transport), slots, SLOTS);
        }
        // A fork child runs one batch of one file: with whole files as batches, a file's tests share
        // their child (and their module state) as they would share a process under plain pytest.
        salvo.schedule.DistMode dist = options.dist == null && run.isolation().equals("fork")
                ? salvo.schedule.DistMode.LOADFILE : options.distMode();
        PersistentSettings settings = new PersistentSettings(run.workers(), dist,
                options.maxTestsPerWorker, options.maxWorkerRestart != null ? options.maxWorkerRestart : 4 * run.workers(),
                pytest.fileTimeout(), pytest.hangGrace());
        String fork = switch (run.isolation()) {
            case "fork" -> "file";
            case "fork-test" -> "test";
            default -> null;
        };
        // With --serve, -w 0 means no workers here: only those that join.
        int workers = serving && run.workers() == 0 ? 0 : settings.workersFor(units.size());
        // What a worker that builds its own command (one that joins, or listens) is told of the run.
        JoinSettings told = new JoinSettings(options.marker,
                options.keyword == null ? "" : options.keyword,
                PytestRunOptions.seconds(options.testTimeout).toMillis() / 1000.0, fork == null ? "" : fork, workers,
                testrunUid);
        WorkerPool pool = new PytestWorkers(run, cwd, plugin, testrunUid, transport, options.python, options.noCapture,
                (interpreter, there) -> pytestOptions(run, interpreter, there)).start(workers, fork, measured, told);
        try {
            python = Futures.join(probe);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PersistentExecution(pool, settings, new WorkerKind(PytestIds::node, Verdict::startupReason), history);
    }

    /** {@code salvo worker --connect}: a machine joins a run served with --serve. */
    @Override
    public List<Object> commands() {
        return List.of(new JoinCommand());
    }

    @Override
    public Listing list(List<TestUnit> units, boolean withTests, RunSettings run) {
        if (!withTests) {
            return Adapter.super.list(units, false, run);
        }
        return TestLister.list(units, pytestOptions(run), new PytestPlaces(cwd, rootDir), transport);
    }

    @Override
    public Map<String, String> describe(RunSettings run) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("marker", options.marker);
        c.put("test_timeout", String.valueOf(options.testTimeout));
        if (!run.isolation().equals("fresh")) {
            c.put("dist", options.dist == null && run.isolation().equals("fork") ? "loadfile" : options.distName());
            c.put("max_tests_per_worker", String.valueOf(options.maxTestsPerWorker));
        }
        c.put("python", options.python);
        if (python != null) {
            c.put("python_version", python.pythonVersion());
            c.put("pytest_version", python.pytestVersion());
        }
        return c;
    }

    private PytestOptions pytestOptions(RunSettings run) {
        return pytestOptions(run, options.python, path -> path);
    }

    /** @param there how a local path is named where the process runs */
    private PytestOptions pytestOptions(RunSettings run, String interpreter, java.util.function.UnaryOperator<Path> there) {
        return new PytestOptions(interpreter, options.marker, run.timeout(), PytestRunOptions.seconds(options.testTimeout),
                PytestRunOptions.seconds(options.hangGrace), run.verbose(), run.stopFirst() && run.isolation().equals("fresh"),
                extraArgs(there));
    }

    /**
     * What every pytest process gets after Salvo's own options: the rootdir and config file
     * Salvo's discovery found, so that a process started in the user's directory names tests
     * as discovery did; -k; and the user's own options, last, so that theirs win.
     */
    private List<String> extraArgs(java.util.function.UnaryOperator<Path> there) {
        List<String> args = new java.util.ArrayList<>();
        args.add("--rootdir=" + there.apply(rootDir));
        configFile.ifPresent(f -> {
            args.add("-c");
            args.add(there.apply(f).toString());
        });
        if (options.keyword != null) {
            args.add("-k");
            args.add(options.keyword);
        }
        args.addAll(pytestArgs.forwarded());
        return args;
    }

}
