package salvo.pytest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Starts persistent pytest workers and owns them until they exit. Started as soon as the test
 * files are known, so pytest's own start-up (often the longest part of a short run: plugins
 * import themselves) overlaps with the rest of Salvo's preparation. Everything the workers say
 * arrives, in order, on one inbox. Closing kills whatever is still running.
 */
public final class WorkerPool implements AutoCloseable {
    private final List<String> command;
    private final Path rootDir;
    private final Path plugin;
    private final BlockingQueue<WorkerProcess.Inbound> inbox = new LinkedBlockingQueue<>();
    private final List<WorkerProcess> started = new ArrayList<>();
    private volatile Consumer<WorkerOutput> output;

    /** One line a worker wrote outside any test's capture (live output mode). */
    public record WorkerOutput(String worker, String line) {}

    private WorkerPool(List<String> command, Path rootDir, Path plugin) {
        this.command = command;
        this.rootDir = rootDir;
        this.plugin = plugin;
    }

    /** Starts {@code count} workers named gw1..gwN now; a worker that cannot start is reported by its exit. */
    public static WorkerPool start(int count, PytestOptions pytest, PersistentOptions options, Path rootDir, Path plugin) {
        WorkerPool pool = new WorkerPool(PytestCommand.worker(pytest, options.liveOutput(), options.fork()), rootDir, plugin);
        pool.output = options.liveOutput() ? line -> { } : null;
        for (int i = 1; i <= count; i++) {
            try {
                pool.spawn("gw" + i);
            } catch (IOException e) {
                pool.close();
                throw salvo.error.SalvoError.usage("could not start pytest workers with " + pytest.python() + ": "
                        + e.getMessage() + "; check --python");
            }
        }
        return pool;
    }

    /** Where live output goes from now on (lines written before are dropped). */
    void onOutput(Consumer<WorkerOutput> sink) {
        if (output != null) {
            output = sink;
        }
    }

    synchronized List<WorkerProcess> workers() {
        return List.copyOf(started);
    }

    BlockingQueue<WorkerProcess.Inbound> inbox() {
        return inbox;
    }

    synchronized WorkerProcess spawn(String name) throws IOException {
        Consumer<String> live = output == null ? null : line -> output.accept(new WorkerOutput(name, line));
        WorkerProcess w = WorkerProcess.start(name, command, rootDir, plugin, inbox::add, live);
        started.add(w);
        return w;
    }

    @Override
    public synchronized void close() {
        started.forEach(WorkerProcess::kill);
    }
}
