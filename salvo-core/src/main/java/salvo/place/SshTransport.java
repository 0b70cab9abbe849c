package salvo.place;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import salvo.execute.OutputPump;
import salvo.execute.Threads;
import salvo.model.WorkerRef;
import salvo.worker.ExitStatus;
import salvo.worker.JsonLines;
import salvo.worker.PacedReader;
import salvo.worker.LocalTransport;
import salvo.worker.Transport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * Workers on an ssh host. The worker is bootstrapped over its own ssh session and speaks the
 * worker protocol on that session's stdin and stdout ({@code SALVO_CHANNEL=stdio:<token>}):
 * no port is opened on either side. Its stderr is its output. When the connection drops, ssh
 * exits with {@link ExitStatus#HOST_LOST}; the worker, seeing its stdin end, exits on its own side.
 */
public final class SshTransport implements Transport {
    private static final int OUTPUT_TAIL = 16 * 1024;
    private static final long DRAIN_MILLIS = 2000;
    private static final Executor EXITS = Threads.daemons("salvo-ssh-exit");

    private final SshHost host;

    public SshTransport(SshHost host) {
        this.host = host;
    }

    @Override
    public WorkerHandle launch(WorkerSpec spec, WorkerRef ref, Consumer<WorkerSignal> inbox) throws IOException {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        ProcessBuilder builder = new ProcessBuilder(host.command(remoteLine(spec, ref, token)));
        if (!spec.protocol()) {
            builder.redirectErrorStream(true);
        }
        Process process = builder.start();
        RemoteWorker worker = new RemoteWorker(ref, process, host);
        Consumer<String> lines = spec.io() == WorkerSpec.Io.CAPTURED ? null
                : line -> inbox.accept(new WorkerSignal.Output(worker, line));
        Thread reader = null;
        if (spec.protocol()) {
            worker.pump = OutputPump.start(process.getErrorStream(), lines, OUTPUT_TAIL, "salvo-output-" + ref.label());
            reader = new Thread(() -> readMessages(worker, token, inbox), "salvo-channel-" + ref.label());
            reader.setDaemon(true);
            reader.start();
        } else {
            process.getOutputStream().close();
            worker.pump = OutputPump.start(process.getInputStream(), lines, OUTPUT_TAIL, "salvo-output-" + ref.label());
        }
        Thread messages = reader;
        process.onExit().thenRunAsync(() -> {
            join(messages);
            worker.pump.awaitEnd(DRAIN_MILLIS);
            int code = process.exitValue();
            inbox.accept(new WorkerSignal.Exited(worker, code, worker.outputTail()));
        }, EXITS);
        return worker;
    }

    /** cd to the worker's directory, then exec it with its environment: one line for the login shell there. */
    static String remoteLine(WorkerSpec spec, WorkerRef ref, String token) {
        List<String> words = new ArrayList<>(List.of("env"));
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            words.add(e.getKey() + "=" + e.getValue());
        }
        words.add(LocalTransport.WORKER_ENV + "=" + ref.slot());
        if (spec.protocol()) {
            words.add("SALVO_CHANNEL=stdio:" + token);
        }
        words.addAll(spec.command());
        Path dir = spec.directory();
        return "cd " + ShellLine.quote(dir.toString()) + " && exec " + ShellLine.join(words);
    }

    private static void readMessages(RemoteWorker worker, String token, Consumer<WorkerSignal> inbox) {
        try (InputStream in = worker.process.getInputStream()) {
            worker.lines.readMessages(in, hello -> admits(worker, token, hello),
                    bodies -> inbox.accept(new WorkerSignal.Messages(worker, bodies)));
        } catch (IOException e) {
            // The connection ended mid-line: the exit says why.
        }
    }

    /** Only our worker's hello is believed: another speaker is killed, unheard. */
    private static boolean admits(RemoteWorker worker, String token, JsonNode hello) {
        if (!token.equals(hello.path("token").asText())) {
            worker.kill();
            return false;
        }
        worker.remotePid = hello.path("pid").asLong(0);
        return true;
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class RemoteWorker implements WorkerHandle {
        private final WorkerRef ref;
        private final Process process;
        private final SshHost host;
        private volatile OutputPump pump;
        private volatile long remotePid;
        private final PacedReader lines = new PacedReader();

        RemoteWorker(WorkerRef ref, Process process, SshHost host) {
            this.ref = ref;
            this.process = process;
            this.host = host;
        }

        @Override
        public WorkerRef ref() {
            return ref;
        }

        @Override
        public boolean send(JsonNode message) {
            lines.answered();
            return JsonLines.send(process.getOutputStream(), message);
        }

        @Override
        public void answerAwaited() {
            lines.hurry();
        }

        /**
         * Ends the session, and the worker's process group there: a worker stuck in native code
         * would not notice its stdin close.
         */
        @Override
        public void kill() {
            if (!process.isAlive()) {
                return;
            }
            long pid = remotePid;
            process.destroyForcibly(); // its stdin ends: a worker that can notice exits
            if (pid > 0) {
                EXITS.execute(() -> {
                    try {
                        host.run("kill -KILL -" + pid + " " + pid + " 2>/dev/null", null);
                    } catch (IOException e) {
                        // The host is gone, and so is the worker.
                    }
                });
            }
        }

        @Override
        public String outputTail() {
            OutputPump p = pump;
            return p == null ? "" : p.tail();
        }
    }
}
