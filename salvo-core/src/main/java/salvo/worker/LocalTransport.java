package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;
import salvo.execute.OutputPump;
import salvo.execute.ProcessTree;
import salvo.model.WorkerRef;

/** Workers as local processes; a protocol worker gets a private loopback channel. */
public final class LocalTransport implements Transport {
    private static final int OUTPUT_TAIL = 16 * 1024;
    private static final long DRAIN_MILLIS = 2000;
    /** Every worker learns its slot (gw1, cmd2, ...): what a framework's per-worker conventions derive from. */
    public static final String WORKER_ENV = "SALVO_WORKER";
    /**
     * Where exits are reported: waiting for a dead worker's last output may take up to
     * DRAIN_MILLIS (a grandchild holding its pipe), and must never hold up another worker's exit.
     */
    private static final java.util.concurrent.Executor EXITS = salvo.execute.Threads.daemons("salvo-exit");

    @Override
    public WorkerHandle launch(WorkerSpec spec, WorkerRef ref, Consumer<WorkerSignal> inbox) throws IOException {
        LocalWorker[] self = new LocalWorker[1];
        LoopbackChannel channel = spec.protocol()
                ? LoopbackChannel.open(bodies -> inbox.accept(new WorkerSignal.Messages(self[0], bodies)),
                "salvo-channel-" + ref.label())
                : null;
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.directory().toFile());
        builder.environment().putAll(spec.environment());
        if (channel != null) {
            builder.environment().put(LoopbackChannel.ENV, channel.spec());
        }
        builder.environment().put(WORKER_ENV, ref.label());
        if (spec.io() == WorkerSpec.Io.TERMINAL) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
        Consumer<String> lines = spec.io() == WorkerSpec.Io.STREAMED
                ? line -> inbox.accept(new WorkerSignal.Output(self[0], line)) : null;
        OutputPump pump = spec.io() == WorkerSpec.Io.TERMINAL ? null
                : OutputPump.start(process.getInputStream(), lines, OUTPUT_TAIL, "salvo-output-" + ref.label());
        self[0] = new LocalWorker(ref, process, channel, pump);
        process.onExit().thenRunAsync(() -> {
            if (channel != null) {
                channel.stopAccepting(); // a worker that died before connecting must not cost DRAIN_MILLIS
                channel.awaitEnd(DRAIN_MILLIS);
            }
            if (pump != null) {
                pump.awaitEnd(DRAIN_MILLIS);
            }
            if (channel != null) {
                channel.close();
            }
            inbox.accept(new WorkerSignal.Exited(self[0], process.exitValue(), self[0].outputTail()));
        }, EXITS);
        return self[0];
    }

    private record LocalWorker(WorkerRef ref, Process process, LoopbackChannel channel, OutputPump pump)
            implements WorkerHandle {
        @Override
        public boolean send(JsonNode message) {
            return channel != null && channel.send(message);
        }

        @Override
        public void answerAwaited() {
            if (channel != null) {
                channel.hurry();
            }
        }

        @Override
        public void kill() {
            ProcessTree.kill(process);
        }

        @Override
        public String outputTail() {
            return pump == null ? "" : pump.tail();
        }
    }
}
