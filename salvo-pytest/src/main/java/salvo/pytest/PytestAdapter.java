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
import salvo.worker.WorkerSpec;

/**
 * pytest suites: test files found as pytest finds them, run a process per file (fresh), on
 * persistent workers fed test by test (persistent), on warm workers that fork a child per
 * file's work (fork), or all in one foreground process sharing the terminal (-w 0, --pdb).
 */
public final class PytestAdapter implements Adapter {
    public static final String ID = TestFileFinder.ADAPTER;
    private static final String SLOTS = "gw";

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
        options.validate(run.isolation(), run.retries());
        boolean foreground = run.foreground() || options.pdb;
        if (pytestArgs.debugger() && !foreground) {
            throw SalvoError.usage("pytest's --pdb/--trace (after --) needs the terminal: use salvo's --pdb, or -w 0, "
                    + "which run the files in one foreground process");
        }
        if (foreground && (!run.isolation().equals("fresh") || run.retries() > 0)) {
            throw SalvoError.usage((options.pdb ? "--pdb" : "-w 0") + " runs every file in one foreground process: drop "
                    + (run.retries() > 0 ? "-r/--retries" : "--isolation " + run.isolation()));
        }
        if (!List.of("fresh", "persistent", "fork", "fork-test").contains(run.isolation())) {
            throw SalvoError.usage("--isolation " + run.isolation() + ": pytest files run with fresh, persistent, fork "
                    + "or fork-test");
        }
        // pytest's start-up is the long pole of a short run: check the interpreter while workers start.
        CompletableFuture<PythonProbe.PythonInfo> probe = CompletableFuture.supplyAsync(
                () -> PythonProbe.probe(options.python, options.marker));
        Path plugin = PythonPlugin.install();
        PytestOptions pytest = pytestOptions(run);
        if (foreground) {
            python = Futures.join(probe);
            return new ForegroundExecution(pytest, new PytestPlaces(cwd, rootDir), plugin,
                    options.pdb ? List.of("--pdb") : List.of(), transport);
        }
        if (run.isolation().equals("fresh")) {
            python = Futures.join(probe);
            // -s runs files one at a time, each stopping at its first failure, as seed 000 does.
            int slots = run.stopFirst() ? 1 : run.workers();
            return new Executor(new PytestFileRunner(pytest, new PytestPlaces(cwd, rootDir),
                    PluginEnvironment.distributed(plugin, Math.min(slots, units.size()), testrunUid), transport),
                    slots, SLOTS);
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
        WorkerSpec spec = new WorkerSpec(PytestCommand.worker(pytest, options.noCapture, fork),
                PluginEnvironment.distributed(plugin, settings.workersFor(units.size()), testrunUid), cwd, options.python, true,
                options.noCapture ? WorkerSpec.Io.STREAMED : WorkerSpec.Io.CAPTURED);
        WorkerPool pool = WorkerPool.start(transport, spec, SLOTS, settings.workersFor(units.size()), "check --python");
        try {
            python = Futures.join(probe);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PersistentExecution(pool, settings, new WorkerKind(PytestIds::node, Verdict::startupReason), history);
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
        return new PytestOptions(options.python, options.marker, run.timeout(), PytestRunOptions.seconds(options.testTimeout),
                PytestRunOptions.seconds(options.hangGrace), run.verbose(), run.stopFirst() && run.isolation().equals("fresh"),
                extraArgs());
    }

    /**
     * What every pytest process gets after Salvo's own options: the rootdir and config file
     * Salvo's discovery found, so that a process started in the user's directory names tests
     * as discovery did; -k; and the user's own options, last, so that theirs win.
     */
    private List<String> extraArgs() {
        List<String> args = new java.util.ArrayList<>();
        args.add("--rootdir=" + rootDir);
        configFile.ifPresent(f -> {
            args.add("-c");
            args.add(f.toString());
        });
        if (options.keyword != null) {
            args.add("-k");
            args.add(options.keyword);
        }
        args.addAll(pytestArgs.forwarded());
        return args;
    }

}
