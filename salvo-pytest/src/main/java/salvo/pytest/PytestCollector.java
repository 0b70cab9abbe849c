package salvo.pytest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import salvo.error.SalvoError;
import salvo.event.RunEvents;
import salvo.execute.RunControl;
import salvo.execute.SupervisedProcess;
import salvo.model.WorkerRef;
import salvo.worker.Transport;
import salvo.worker.WorkerSpec;

/** Asks pytest, in one collect-only process, which tests the given files hold. */
public final class PytestCollector {
    /** The collected test ids, and a one-line message per file that failed to collect. */
    public record Collection(List<String> testIds, List<String> errors) {}

    private static final WorkerRef COLLECTOR = WorkerRef.local("collector");

    private PytestCollector() {}

    static Collection collect(PytestOptions options, PytestPlaces places, Path plugin, Transport transport,
                              List<String> files) {
        AttemptLog log = new AttemptLog(1, COLLECTOR, new RunEvents("collect", e -> { }),
                new salvo.worker.SessionWarnings());
        WorkerSpec spec = new WorkerSpec(PytestCommand.collect(options, places.files(files)), PluginEnvironment.of(plugin),
                places.cwd(),
                options.python(), true, WorkerSpec.Io.CAPTURED);
        SupervisedProcess.End end;
        try {
            end = SupervisedProcess.run(transport, spec, COLLECTOR, new RunControl(),
                    new SupervisedProcess.Limits(options.fileTimeout(), Duration.ofSeconds(5)),
                    new SupervisedProcess.Listener(log::accept, line -> { }, log::sessionFinishedAt));
        } catch (IOException e) {
            throw SalvoError.usage("could not start " + options.python() + ": " + e.getMessage());
        }
        if (end.how() == SupervisedProcess.How.TIMED_OUT) {
            throw SalvoError.usage("collecting tests took longer than " + options.fileTimeout().toSeconds()
                    + " s: raise -t/--timeout or list fewer files");
        }
        AttemptLog.Snapshot s = log.snapshot();
        List<String> errors = s.collectErrors().stream()
                .map(e -> e.nodeId() + ": [" + e.failure().kind() + "] " + e.failure().message()).toList();
        if (!s.connected()) {
            errors = List.of("pytest did not start: " + salvo.worker.Losses.lastMeaningfulLine(end.output()));
        }
        return new Collection(s.collected() == null ? List.of() : s.collected(), errors);
    }
}
