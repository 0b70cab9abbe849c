package salvo.pytest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import salvo.execute.PlannedUnit;
import salvo.execute.RunCannotStart;
import salvo.execute.SupervisedProcess;
import salvo.execute.UnitRunner;
import salvo.execute.WorkerContext;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.UnitResult;
import salvo.worker.ExitStatus;
import salvo.worker.Transport;
import salvo.worker.WorkerSpec;

/**
 * Runs one test file in its own `python -m pytest` process (seed 000's isolation), supervised:
 * the per-file timeout kills the whole tree, a process that lingers after its tests is killed
 * after a grace period and named as such, and a run stop kills it at once. A retry reruns the
 * whole file: a fresh process cannot be told which tests to run without losing pytest's own order.
 */
public final class PytestFileRunner implements UnitRunner {
    private final PytestOptions options;
    private final PytestPlaces places;
    private final java.util.Map<String, String> environment;
    private final Transport transport;
    private final salvo.worker.SessionWarnings sessionWarnings = new salvo.worker.SessionWarnings();

    /** @param environment the plugin's (see {@link PluginEnvironment}) */
    PytestFileRunner(PytestOptions options, PytestPlaces places, java.util.Map<String, String> environment,
                     Transport transport) {
        this.options = options;
        this.places = places;
        this.environment = environment;
        this.transport = transport;
    }

    @Override
    public UnitResult run(PlannedUnit planned, WorkerContext context) {
        Instant start = Instant.now();
        int attempt = planned.attempt();
        AttemptLog log = new AttemptLog(attempt, context.worker(), context.events(), sessionWarnings);
        String unitId = planned.id();
        WorkerSpec spec = new WorkerSpec(PytestCommand.run(options, places.files(List.of(unitId))),
                environment, places.cwd(), options.python(), true, options.verbose() ? WorkerSpec.Io.STREAMED : WorkerSpec.Io.CAPTURED);
        try {
            SupervisedProcess.End end = SupervisedProcess.run(transport, spec, context.worker(), context.control(),
                    new SupervisedProcess.Limits(options.fileTimeout(), options.hangGrace()),
                    new SupervisedProcess.Listener(log::accept, line -> context.events().output(context.worker(), unitId, line),
                            log::sessionFinishedAt));
            AttemptLog.Snapshot said = log.snapshot();
            if (!said.connected() && end.how() == SupervisedProcess.How.EXITED && end.exitCode() == ExitStatus.USAGE
                    && Verdict.failsForEveryFile(end.output(), places.rootDir())) {
                throw new RunCannotStart(Verdict.startupReason(end.output())); // every file would fail alike
            }
            return Verdict.decide(planned.unit(), attempt, context.worker(), Duration.between(start, Instant.now()),
                    options, said, end);
        } catch (IOException e) {
            return new UnitResult(planned.unit(), Outcome.ERROR, Duration.between(start, Instant.now()), List.of(),
                    Failure.of(FailureKind.OTHER, "could not start " + options.python() + ": " + e.getMessage()),
                    attempt, context.worker());
        }
    }
}
