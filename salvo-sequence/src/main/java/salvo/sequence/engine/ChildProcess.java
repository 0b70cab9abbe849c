package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import salvo.execute.RunControl;
import salvo.model.WorkerRef;
import salvo.worker.LocalTransport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * A plain child process of an item (run's sequence, git), through Salvo's transport: its lines
 * as they come, its whole tree killed when the item's stop is flagged or the run stops.
 */
final class ChildProcess {
    /** @param killed true when a stop ended it */
    record End(int exitCode, boolean killed) {}

    private ChildProcess() {}

    static End run(List<String> command, Path dir, Stop stop, RunControl control, Consumer<String> lines)
            throws IOException {
        return run(command, dir, Map.of(), stop, control, lines);
    }

    /** As {@link #run(List, Path, Stop, RunControl, Consumer)}, with {@code env} added to the inherited environment. */
    static End run(List<String> command, Path dir, Map<String, String> env, Stop stop, RunControl control,
                   Consumer<String> lines) throws IOException {
        BlockingQueue<WorkerSignal> inbox = new LinkedBlockingQueue<>();
        WorkerHandle child = new LocalTransport().launch(new WorkerSpec(command, env, dir, "sequence-child", false,
                WorkerSpec.Io.STREAMED), WorkerRef.local("seq-child"), inbox::add);
        control.register(child);
        boolean killed = false;
        try {
            while (true) {
                WorkerSignal s;
                try {
                    s = inbox.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    child.kill();
                    return new End(-1, true);
                }
                if (s instanceof WorkerSignal.Output o) {
                    lines.accept(o.line());
                } else if (s instanceof WorkerSignal.Exited x) {
                    return new End(x.exitCode(), killed);
                }
                if (!killed && stop.stopped()) {
                    killed = true;
                    child.kill(); // its Exited still comes, after its output was drained
                }
            }
        } finally {
            child.kill();
            control.unregister(child);
        }
    }
}
