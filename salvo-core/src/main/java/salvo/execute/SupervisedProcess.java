package salvo.execute;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import salvo.model.WorkerRef;
import salvo.worker.Transport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * One worker that does one job and exits (a process per unit), watched until it ends: it is
 * killed when its time is up, when it lingers after saying its session ended, or when the run
 * stops. What it says is handed over on the calling thread, in order.
 */
public final class SupervisedProcess {
    private static final long POLL_MILLIS = 100;

    /**
     * @param timeout   the limit on the whole process; zero for none
     * @param hangGrace how long it may live on after its session ended
     */
    public record Limits(Duration timeout, Duration hangGrace) {}

    public enum How {
        /** It exited by itself. */
        EXITED,
        /** Its time ran out and it was killed. */
        TIMED_OUT,
        /** Its work was done but it did not exit within the grace period, so it was killed. */
        LINGERED,
        /** The run was stopped and it was killed. */
        INTERRUPTED
    }

    /**
     * @param exitCode its exit status (128+N for signal N)
     * @param output   the tail of what it wrote outside the protocol
     */
    public record End(How how, int exitCode, String output) {}

    /** What to do with what the worker says, and when it said its session ended. */
    public record Listener(Consumer<JsonNode> messages, Consumer<String> lines, Supplier<Optional<Instant>> sessionEnded) {
        public static Listener silent() {
            return new Listener(m -> { }, l -> { }, Optional::empty);
        }
    }

    private SupervisedProcess() {}

    public static End run(Transport transport, WorkerSpec spec, WorkerRef ref, RunControl control, Limits limits,
                          Listener listener) throws IOException {
        BlockingQueue<WorkerSignal> inbox = new LinkedBlockingQueue<>();
        Instant deadline = limits.timeout().isZero() ? Instant.MAX : Instant.now().plus(limits.timeout());
        WorkerHandle worker = transport.launch(spec, ref, inbox::add);
        control.register(worker);
        How how = null;
        boolean threadInterrupted = false;
        try {
            while (true) {
                WorkerSignal signal;
                try {
                    signal = inbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // Treated as a stop of this process; the flag is restored once it is gone.
                    threadInterrupted = true;
                    signal = null;
                    if (how == null) {
                        how = How.INTERRUPTED;
                        worker.kill();
                    }
                }
                if (signal instanceof WorkerSignal.Messages m) {
                    m.bodies().forEach(listener.messages());
                } else if (signal instanceof WorkerSignal.Output o) {
                    listener.lines().accept(o.line());
                } else if (signal instanceof WorkerSignal.Exited x) {
                    // A stop kills workers through RunControl, so its exit may come before we look.
                    How ended = how != null ? how : control.isInterrupted() ? How.INTERRUPTED : How.EXITED;
                    return new End(ended, x.exitCode(), x.output());
                }
                if (how == null) {
                    how = verdictSoFar(control, deadline, limits, listener);
                    if (how != null) {
                        worker.kill(); // its Exited signal still comes, after its output was drained
                    }
                }
            }
        } finally {
            worker.kill();
            control.unregister(worker);
            if (threadInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Why it must be killed now, or null while it may go on. */
    private static How verdictSoFar(RunControl control, Instant deadline, Limits limits, Listener listener) {
        if (control.isInterrupted()) {
            return How.INTERRUPTED;
        }
        Instant now = Instant.now();
        if (!now.isBefore(deadline)) {
            return How.TIMED_OUT;
        }
        boolean lingered = listener.sessionEnded().get().map(t -> !now.isBefore(t.plus(limits.hangGrace()))).orElse(false);
        return lingered ? How.LINGERED : null;
    }
}
