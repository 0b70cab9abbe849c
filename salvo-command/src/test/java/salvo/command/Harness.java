package salvo.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.adapter.History;
import salvo.adapter.RunSettings;
import salvo.event.OutputChunk;
import salvo.event.RunEvent;
import salvo.event.RunEvents;
import salvo.event.TestFinished;
import salvo.execute.Execution;
import salvo.execute.PlannedUnit;
import salvo.execute.RunControl;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/** A run of the command adapter through its public SPI only: discover, prepare, execute. */
final class Harness {
    final Path dir;
    final CommandAdapter adapter;
    final RunControl control = new RunControl();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    Duration timeout = Duration.ofSeconds(60);
    boolean verbose;
    int workers = 2;

    Harness(Path dir, String... commands) {
        this.dir = dir;
        this.adapter = new CommandAdapter(CommandOptions.of(commands));
    }

    Harness yaml(String text) throws IOException {
        Files.writeString(dir.resolve("salvo.yaml"), text);
        return this;
    }

    Discovery discover(String... paths) {
        return adapter.discover(new DiscoveryRequest(dir, List.of(paths), List.of(), paths.length > 0));
    }

    RunSettings settings() {
        return new RunSettings(dir, workers, timeout, "fresh", verbose, false, 0, List.of());
    }

    List<UnitResult> run(String... paths) {
        Discovery found = discover(paths);
        Execution execution = adapter.prepare(settings(), found.units(), () -> History.NONE);
        return execution.execute(found.units().stream().map(PlannedUnit::whole).toList(),
                new RunEvents("run-id", events::add), control);
    }

    UnitResult runOne(String... paths) {
        List<UnitResult> results = run(paths);
        if (results.size() != 1) {
            throw new AssertionError("expected one unit, got " + results);
        }
        return results.get(0);
    }

    List<TestResult> finished() {
        return events.stream().filter(e -> e instanceof TestFinished).map(e -> ((TestFinished) e).result()).toList();
    }

    List<String> output() {
        return events.stream().filter(e -> e instanceof OutputChunk).map(e -> ((OutputChunk) e).text()).toList();
    }
}
