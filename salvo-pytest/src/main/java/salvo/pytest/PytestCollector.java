package salvo.pytest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import salvo.error.SalvoError;
import salvo.execute.OutputPump;
import salvo.execute.ProcessTree;

/** Asks pytest, in one collect-only process, which tests the given files hold. */
public final class PytestCollector {
    /** The collected test ids, and a one-line message per file that failed to collect. */
    public record Collection(List<String> testIds, List<String> errors) {}

    private PytestCollector() {}

    public static Collection collect(PytestOptions options, Path rootDir, Path plugin, List<String> files) {
        AttemptLog log = new AttemptLog(1, "collector", e -> { });
        try (WorkerChannel channel = WorkerChannel.open(log::accept, "salvo-collector")) {
            ProcessBuilder builder = new ProcessBuilder(PytestCommand.collect(options, files))
                    .directory(rootDir.toFile()).redirectErrorStream(true);
            PluginEnvironment.apply(builder.environment(), plugin, channel.spec());
            Process process = builder.start();
            try {
                OutputPump pump = OutputPump.start(process.getInputStream(), null, 4096, "salvo-collector-output");
                if (!process.waitFor(options.fileTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw SalvoError.usage("collecting tests took longer than " + options.fileTimeout().toSeconds()
                            + " s: raise -t/--timeout or list fewer files");
                }
                pump.awaitEnd(2000);
                channel.awaitEnd(2000);
                AttemptLog.Snapshot s = log.snapshot();
                List<String> errors = s.collectErrors().stream()
                        .map(e -> e.nodeId() + ": [" + e.failure().kind() + "] " + e.failure().message()).toList();
                if (!s.connected()) {
                    errors = List.of("pytest did not start: " + Verdict.lastMeaningfulLine(pump.tail()));
                }
                return new Collection(s.collected() == null ? List.of() : s.collected(), errors);
            } finally {
                ProcessTree.kill(process);
            }
        } catch (IOException e) {
            throw SalvoError.usage("could not start " + options.python() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SalvoError.internal("interrupted while collecting tests", e);
        }
    }
}
