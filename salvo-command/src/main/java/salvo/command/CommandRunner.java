package salvo.command;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import salvo.adapter.RunSettings;
import salvo.execute.PlannedUnit;
import salvo.execute.SupervisedProcess;
import salvo.execute.UnitRunner;
import salvo.execute.WorkerContext;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.worker.LocalTransport;
import salvo.worker.Transport;
import salvo.worker.WorkerSpec;

/**
 * Runs one attempt of one command as a plain process: in its directory with its environment
 * added, its output streamed with -v, its whole process tree killed at its timeout or when the
 * run stops. Publishes its tests when it has ended (a command says nothing while it runs).
 */
final class CommandRunner implements UnitRunner {
    /** Every command can run in any slot: they share one affinity. */
    private static final String AFFINITY = "command";

    private final Map<String, CommandSpec> specs;
    private final RunSettings run;
    private final Transport transport = new LocalTransport();

    CommandRunner(Map<String, CommandSpec> specs, RunSettings run) {
        this.specs = Map.copyOf(specs);
        this.run = run;
    }

    @Override
    public UnitResult run(PlannedUnit unit, WorkerContext context) {
        CommandSpec spec = specs.get(unit.id());
        if (spec == null) {
            throw new IllegalStateException("no command for unit " + unit.id() + ": it was not discovered by this adapter");
        }
        Duration limit = spec.timeoutOr(run.timeout());
        WorkerSpec worker = new WorkerSpec(spec.run().argv(), spec.env(), spec.cwd(), AFFINITY, false,
                run.verbose() ? WorkerSpec.Io.STREAMED : WorkerSpec.Io.CAPTURED);
        SupervisedProcess.Listener listener = new SupervisedProcess.Listener(m -> { },
                line -> context.events().output(context.worker(), unit.id(), line), Optional::empty);
        Instant started = Instant.now();
        UnitResult result;
        try {
            SupervisedProcess.End end = SupervisedProcess.run(transport, worker, context.worker(), context.control(),
                    new SupervisedProcess.Limits(limit, Duration.ZERO), listener);
            end = interruptedIfStopped(end, context);
            result = CommandVerdict.decide(spec, unit, context.worker(), started, end, limit);
        } catch (IOException e) {
            result = CommandVerdict.notStarted(spec, unit, context.worker(), started, e);
        }
        for (TestResult test : result.tests()) {
            context.events().testFinished(context.worker(), test);
        }
        return result;
    }

    /**
     * A run stop kills the process through the run's control, and its exit can reach the
     * supervisor before the supervisor sees the stop: a process killed while the run was
     * stopping was stopped, not crashed.
     */
    private static SupervisedProcess.End interruptedIfStopped(SupervisedProcess.End end, WorkerContext context) {
        boolean killed = end.how() == SupervisedProcess.How.EXITED && end.exitCode() != 0;
        return killed && context.control().isInterrupted()
                ? new SupervisedProcess.End(SupervisedProcess.How.INTERRUPTED, end.exitCode(), end.output()) : end;
    }
}
