package salvo.pytest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import salvo.execute.OutputPump;
import salvo.execute.ProcessTree;

/**
 * One persistent pytest worker process and its channel. Everything it says, and its exit,
 * arrives on the coordinator's inbox in order: the exit is posted only after the channel and
 * the output were drained, so no message of a dead worker arrives after its death.
 */
final class WorkerProcess {
    /** Something a worker told the coordinator. */
    sealed interface Inbound permits Message, Exited {
        WorkerProcess worker();
    }

    record Message(WorkerProcess worker, JsonNode body) implements Inbound {}

    record Exited(WorkerProcess worker, int exitCode, String output) implements Inbound {}

    final String name;
    private final Process process;
    private final WorkerChannel channel;
    private final OutputPump pump;

    /** The test it is running now, and since when; null between tests. */
    String currentTest;
    /** The file it was told to collect and has not reported yet; null otherwise. */
    String collecting;
    Instant currentSince;
    /** True while it holds a Collect or Run it has not finished (it has not said idle since). */
    boolean busy = true;
    /** Until when its current job (start-up, a collection, a test, its shutdown) may take; null while idle. */
    Instant deadline;
    /** True once it said idle for the first time: it started. */
    boolean ready;
    /** The last file it ran a test of: where a session fixture's teardown error is reported. */
    String lastFile;
    /** What it said about threads keeping it alive, when it finished its session. */
    String lingering = "";
    /** True once asked to shut down: its exit is expected. */
    boolean stopping;
    /** Asked to shut down to be replaced (--max-tests-per-worker). */
    boolean recycling;
    /** Killed by the coordinator because its test ran past the timeout. */
    boolean timedOut;
    int testsRun;

    private WorkerProcess(String name, Process process, WorkerChannel channel, OutputPump pump) {
        this.name = name;
        this.process = process;
        this.channel = channel;
        this.pump = pump;
    }

    static WorkerProcess start(String name, List<String> command, Path rootDir, Path plugin,
                               Consumer<Inbound> inbox, Consumer<String> liveLines) throws IOException {
        WorkerProcess[] self = new WorkerProcess[1];
        WorkerChannel channel = WorkerChannel.open(body -> inbox.accept(new Message(self[0], body)),
                "salvo-channel-" + name);
        ProcessBuilder builder = new ProcessBuilder(command).directory(rootDir.toFile()).redirectErrorStream(true);
        PluginEnvironment.apply(builder.environment(), plugin, channel.spec());
        builder.environment().put("SALVO_WORKER", name);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        OutputPump pump = OutputPump.start(process.getInputStream(), liveLines, 16 * 1024, "salvo-output-" + name);
        self[0] = new WorkerProcess(name, process, channel, pump);
        process.onExit().thenRunAsync(() -> {
            channel.awaitEnd(2000);
            pump.awaitEnd(2000);
            channel.close();
            inbox.accept(new Exited(self[0], process.exitValue(), pump.tail()));
        });
        return self[0];
    }

    Process process() {
        return process;
    }

    /** The last lines it wrote outside any test's capture: a crashed child's fault handler, say. */
    String outputTail() {
        return pump.tail();
    }

    boolean send(JsonNode message) {
        return channel.send(message);
    }

    void kill() {
        ProcessTree.kill(process);
    }
}
