package salvo.pytest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import salvo.error.SalvoError;
import salvo.event.RunEvents;
import salvo.execute.Execution;
import salvo.execute.PlannedUnit;
import salvo.execute.RunControl;
import salvo.execute.SupervisedProcess;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;
import salvo.worker.Losses;
import salvo.worker.Transport;
import salvo.worker.WorkerSpec;

/**
 * `-w 0`: every file in one pytest process in the foreground, sharing the user's terminal, so
 * `--pdb` and `breakpoint()` work. Results still come over Salvo's channel and are kept like
 * any run's. No timeouts: a person may sit in the debugger for as long as they like.
 */
public final class ForegroundExecution implements Execution {
    private static final WorkerRef WORKER = WorkerRef.local("gw0");

    private final PytestOptions options;
    private final PytestPlaces places;
    private final Path plugin;
    private final List<String> pytestArgs;
    private final Transport transport;

    /** @param pytestArgs extra arguments for pytest, such as --pdb */
    ForegroundExecution(PytestOptions options, PytestPlaces places, Path plugin, List<String> pytestArgs,
                        Transport transport) {
        this.options = options;
        this.places = places;
        this.plugin = plugin;
        this.pytestArgs = List.copyOf(pytestArgs);
        this.transport = transport;
    }

    @Override
    public List<WorkerRef> slots(int units) {
        return List.of(WORKER);
    }

    @Override
    public List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control) {
        Instant start = Instant.now();
        int attempt = plan.isEmpty() ? 1 : plan.get(0).attempt();
        AttemptLog log = new AttemptLog(attempt, WORKER, events, new salvo.worker.SessionWarnings());
        List<TestUnit> units = plan.stream().map(PlannedUnit::unit).toList();
        units.forEach(u -> events.unitStarted(WORKER, u, attempt));
        List<String> command = new ArrayList<>(PytestCommand.run(options, List.of()));
        command.remove(command.size() - 1); // the "--" that ends the options: extra options go before it
        command.addAll(pytestArgs);
        command.add("--");
        command.addAll(places.files(units.stream().map(TestUnit::id).toList()));
        WorkerSpec spec = new WorkerSpec(command, PluginEnvironment.of(plugin), places.cwd(), options.python(), true,
                WorkerSpec.Io.TERMINAL);
        SupervisedProcess.End end;
        try {
            end = SupervisedProcess.run(transport, spec, WORKER, control,
                    new SupervisedProcess.Limits(Duration.ZERO, Duration.ZERO),
                    new SupervisedProcess.Listener(log::accept, line -> { }, java.util.Optional::empty));
        } catch (IOException e) {
            throw SalvoError.usage("could not start " + options.python() + ": " + e.getMessage());
        }
        if (!log.snapshot().connected() && end.exitCode() == salvo.worker.ExitStatus.USAGE) {
            throw new salvo.execute.RunCannotStart("pytest could not start (its exit status 4): its message is above");
        }
        List<UnitResult> results = byFile(units, attempt, log.snapshot(), end.exitCode(), control.isInterrupted(),
                Duration.between(start, Instant.now()));
        results.forEach(r -> events.unitFinished(WORKER, r, false));
        return results;
    }

    /** One process's results, split back into one result per file. Pure. */
    static List<UnitResult> byFile(List<TestUnit> plan, int attempt, AttemptLog.Snapshot log, int exit, boolean interrupted,
                                   Duration elapsed) {
        List<UnitResult> results = new ArrayList<>();
        for (TestUnit unit : plan) {
            List<TestResult> tests = new ArrayList<>(log.finished().stream()
                    .filter(t -> t.unitId().equals(unit.id())).toList());
            Failure failure = log.collectErrors().stream()
                    .filter(e -> PytestIds.fileOf(e.nodeId()).equals(unit.id()))
                    .map(AttemptLog.CollectError::failure).findFirst().orElse(null);
            Outcome outcome = failure != null ? Outcome.ERROR : null;
            String running = log.running().filter(id -> PytestIds.fileOf(id).equals(unit.id())).orElse(null);
            if (running != null && !interrupted) {
                failure = Losses.crashed("process", exit, "during " + PytestIds.testName(running), "");
                tests.add(Losses.lostTest(PytestIds.node(running), failure, Duration.ZERO, attempt));
                outcome = Outcome.CRASHED;
            }
            boolean ran = !tests.isEmpty() || failure != null
                    || (log.collected() != null && log.collected().stream()
                    .noneMatch(id -> PytestIds.fileOf(id).equals(unit.id())));
            if (!ran && (interrupted || !log.sessionFinished())) {
                continue; // never reached: the run stopped before this file
            }
            Duration spent = tests.stream().map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
            // One process collected them all: what it recorded outside tests goes with the first file.
            results.add(new UnitResult(unit, outcome != null ? outcome : UnitResult.outcomeOf(tests), spent, tests,
                    failure, attempt, WORKER, results.isEmpty() ? log.warnings() : 0));
        }
        return results;
    }
}
