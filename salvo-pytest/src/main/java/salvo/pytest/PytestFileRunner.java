package salvo.pytest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import salvo.event.OutputChunk;
import salvo.execute.OutputPump;
import salvo.execute.ProcessTree;
import salvo.execute.UnitRunner;
import salvo.execute.WorkerContext;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/**
 * Runs one test file in its own `python -m pytest` process (seed 000's isolation), supervised:
 * the per-file timeout kills the whole tree, a process that lingers after its tests is killed
 * after a grace period and named as such, and a run stop kills it at once.
 */
public final class PytestFileRunner implements UnitRunner {
    private static final int OUTPUT_TAIL = 16 * 1024;
    private static final long POLL_MILLIS = 100;

    private final PytestOptions options;
    private final Path rootDir;
    private final Path pluginPath;

    public PytestFileRunner(PytestOptions options, Path rootDir, Path pluginPath) {
        this.options = options;
        this.rootDir = rootDir;
        this.pluginPath = pluginPath;
    }

    @Override
    public UnitResult run(TestUnit unit, int attempt, WorkerContext context) {
        Instant start = Instant.now();
        AttemptLog log = new AttemptLog(attempt, context.worker(), context.events());
        try (WorkerChannel channel = WorkerChannel.open(log::accept, "salvo-channel-" + context.worker())) {
            ProcessBuilder builder = new ProcessBuilder(PytestCommand.run(options, List.of(unit.id())))
                    .directory(rootDir.toFile())
                    .redirectErrorStream(true);
            PluginEnvironment.apply(builder.environment(), pluginPath, channel.spec());
            Process process = builder.start();
            context.control().register(process);
            try {
                Consumer<String> stream = options.verbose()
                        ? line -> context.events().on(new OutputChunk(context.worker(), unit.id(), line)) : null;
                OutputPump pump = OutputPump.start(process.getInputStream(), stream, OUTPUT_TAIL,
                        "salvo-output-" + context.worker());
                ProcessEnd.How how = supervise(process, log, context, start);
                pump.awaitEnd(2000);
                channel.awaitEnd(2000);
                int exit = how == ProcessEnd.How.EXITED ? process.exitValue() : -1;
                ProcessEnd end = new ProcessEnd(how, exit, pump.tail());
                return Verdict.decide(unit, attempt, context.worker(), Duration.between(start, Instant.now()),
                        options, log.snapshot(), end);
            } finally {
                ProcessTree.kill(process);
                context.control().unregister(process);
            }
        } catch (IOException e) {
            return new UnitResult(unit, Outcome.ERROR, Duration.between(start, Instant.now()), List.of(),
                    Failure.of(FailureKind.OTHER, "could not start " + options.python() + ": " + e.getMessage()),
                    attempt, context.worker());
        }
    }


    /** Waits for the process to end by itself, or ends it, and says which. */
    private ProcessEnd.How supervise(Process process, AttemptLog log, WorkerContext context, Instant start) {
        Instant deadline = start.plus(options.fileTimeout());
        try {
            while (true) {
                boolean exited = process.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (context.control().isInterrupted()) {
                    ProcessTree.kill(process);
                    return ProcessEnd.How.INTERRUPTED;
                }
                if (exited) {
                    return ProcessEnd.How.EXITED;
                }
                Instant now = Instant.now();
                if (!now.isBefore(deadline)) {
                    ProcessTree.kill(process);
                    return ProcessEnd.How.FILE_TIMEOUT;
                }
                if (log.sessionFinishedAt().map(t -> !now.isBefore(t.plus(options.hangGrace()))).orElse(false)) {
                    ProcessTree.kill(process);
                    return ProcessEnd.How.LINGERED;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(process);
            return ProcessEnd.How.INTERRUPTED;
        }
    }
}
