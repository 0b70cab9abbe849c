package salvo.pytest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import salvo.event.RunListener;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.execute.Execution;
import salvo.execute.ProcessTree;
import salvo.execute.RunControl;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/**
 * `-w 0`: every file in one pytest process in the foreground, sharing the user's terminal, so
 * `--pdb` and `breakpoint()` work. Results still come over Salvo's channel and are kept like
 * any run's. No timeouts: a person may sit in the debugger for as long as they like.
 */
public final class ForegroundExecution implements Execution {
    private final PytestOptions options;
    private final Path rootDir;
    private final Path plugin;
    private final List<String> pytestArgs;

    /** @param pytestArgs extra arguments for pytest, such as --pdb */
    public ForegroundExecution(PytestOptions options, Path rootDir, Path plugin, List<String> pytestArgs) {
        this.options = options;
        this.rootDir = rootDir;
        this.plugin = plugin;
        this.pytestArgs = List.copyOf(pytestArgs);
    }

    @Override
    public int workers(int units) {
        return 1;
    }

    @Override
    public List<UnitResult> execute(List<TestUnit> plan, RunListener events, RunControl control) {
        Instant start = Instant.now();
        AttemptLog log = new AttemptLog(1, "gw0", events);
        List<String> files = plan.stream().map(TestUnit::id).toList();
        plan.forEach(u -> events.on(new UnitStarted("gw0", u, 1)));
        int exit;
        try (WorkerChannel channel = WorkerChannel.open(log::accept, "salvo-channel-gw0")) {
            List<String> command = new ArrayList<>(PytestCommand.run(options, List.of()));
            command.remove(command.size() - 1); // the "--" that ends the options: extra options go before it
            command.addAll(pytestArgs);
            command.add("--");
            command.addAll(files);
            ProcessBuilder builder = new ProcessBuilder(command).directory(rootDir.toFile()).inheritIO();
            PluginEnvironment.apply(builder.environment(), plugin, channel.spec());
            Process process = builder.start();
            control.register(process);
            try {
                while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    if (control.isInterrupted()) {
                        ProcessTree.kill(process);
                    }
                }
                channel.awaitEnd(2000);
                exit = process.exitValue();
            } finally {
                ProcessTree.kill(process);
                control.unregister(process);
            }
        } catch (IOException e) {
            throw salvo.error.SalvoError.usage("could not start " + options.python() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        List<UnitResult> results = byFile(plan, log.snapshot(), exit, control.isInterrupted(),
                Duration.between(start, Instant.now()));
        results.forEach(r -> events.on(new UnitFinished("gw0", r, false)));
        return results;
    }

    /** One process's results, split back into one result per file. Pure. */
    static List<UnitResult> byFile(List<TestUnit> plan, AttemptLog.Snapshot log, int exit, boolean interrupted,
                                   Duration elapsed) {
        List<UnitResult> results = new ArrayList<>();
        for (TestUnit unit : plan) {
            String prefix = unit.id() + "::";
            List<TestResult> tests = new ArrayList<>(log.finished().stream()
                    .filter(t -> t.testId().startsWith(prefix)).toList());
            Failure failure = log.collectErrors().stream()
                    .filter(e -> e.nodeId().equals(unit.id()) || e.nodeId().startsWith(prefix))
                    .map(AttemptLog.CollectError::failure).findFirst().orElse(null);
            Outcome outcome = failure != null ? Outcome.ERROR : null;
            String running = log.running().filter(id -> id.startsWith(prefix)).orElse(null);
            if (running != null && !interrupted) {
                failure = Failure.of(FailureKind.CRASH, "process " + Verdict.describeExit(exit) + " during "
                        + Protocol.testName(running));
                tests.add(Protocol.lostTest(running, failure, Duration.ZERO, 1));
                outcome = Outcome.CRASHED;
            }
            boolean ran = !tests.isEmpty() || failure != null
                    || (log.collected() != null && log.collected().stream().noneMatch(id -> id.startsWith(prefix)));
            if (!ran && (interrupted || !log.sessionFinished())) {
                continue; // never reached: the run stopped before this file
            }
            Duration spent = tests.stream().map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
            results.add(new UnitResult(unit, outcome != null ? outcome : Verdict.fromTests(tests), spent, tests,
                    failure, 1, "gw0"));
        }
        return results;
    }
}
