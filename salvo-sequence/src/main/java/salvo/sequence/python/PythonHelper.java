package salvo.sequence.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import salvo.error.SalvoError;
import salvo.execute.RunControl;
import salvo.model.WorkerRef;
import salvo.worker.LocalTransport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * One helper process (salvo_sequence.helper on the sequence's Python), started through Salvo's
 * transport so a stop kills its whole tree. Requests go one at a time; while one is served, the
 * helper may ask for the global dictionary, which is answered from the channel's thread.
 */
public final class PythonHelper implements AutoCloseable {
    private static final long POLL_MILLIS = 50;

    /**
     * @param python   the interpreter (python_bin)
     * @param testDir  where it runs, and what goes on PYTHONPATH besides the helper
     * @param env      added to the inherited environment (python_env)
     * @param t0Millis the run clock's origin, for tm.timestamp()
     */
    public record Settings(String python, Path testDir, Map<String, String> env, long t0Millis, Duration startTimeout) {
        public Settings {
            env = Map.copyOf(env);
        }
    }

    private final Settings settings;
    private final long startDeadline;
    private final WorkerHandle handle;
    private final Dictionary dictionary;
    private final RunControl control;
    private final CompletableFuture<Void> hello = new CompletableFuture<>();
    private final CompletableFuture<String> exited = new CompletableFuture<>();
    private volatile CompletableFuture<JsonNode> pending;
    private volatile java.util.function.Consumer<String> output = line -> { };
    private volatile PlotValues plots = PlotValues.NONE;
    private long requests;

    private PythonHelper(Settings settings, Dictionary dictionary, RunControl control, String label) throws IOException {
        this.settings = settings;
        this.startDeadline = System.nanoTime() + settings.startTimeout().toNanos();
        this.dictionary = dictionary;
        this.control = control;
        Map<String, String> env = new LinkedHashMap<>(settings.env());
        String inherited = env.getOrDefault("PYTHONPATH", System.getenv().getOrDefault("PYTHONPATH", ""));
        env.put("PYTHONPATH", HelperPackage.install() + File.pathSeparator + settings.testDir()
                + (inherited.isEmpty() ? "" : File.pathSeparator + inherited));
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("SALVO_SEQ_T0_MS", Long.toString(settings.t0Millis()));
        env.put("SALVO_SEQ_TEST_DIR", settings.testDir().toString());
        WorkerSpec spec = new WorkerSpec(List.of(settings.python(), "-u", "-m", "salvo_sequence.helper"), env,
                settings.testDir(), "sequence-python", true, WorkerSpec.Io.CAPTURED);
        this.handle = new LocalTransport().launch(spec, WorkerRef.local(label), this::signal);
        control.register(handle);
    }

    /** Starts a helper and waits until it connected; a Python that cannot run it is a usage error. */
    public static PythonHelper start(Settings settings, Dictionary dictionary, RunControl control, String label) {
        return launch(settings, dictionary, control, label).ready();
    }

    /**
     * Starts a helper without waiting for it: {@link #ready} waits, so a caller can start one
     * ahead of its use (a spare fresh worker) while the engine goes on.
     */
    public static PythonHelper launch(Settings settings, Dictionary dictionary, RunControl control, String label) {
        try {
            return new PythonHelper(settings, dictionary, control, label);
        } catch (IOException e) {
            throw SalvoError.usage("cannot start the Python interpreter '" + settings.python() + "' (" + e.getMessage()
                    + "): install it or set python_bin with -d python_bin=PATH");
        }
    }

    /** Waits until the helper connected (within the settings' start timeout) and returns it; else closes it and fails. */
    public PythonHelper ready() {
        try {
            CompletableFuture.anyOf(hello, exited).get(Math.max(0, startDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            close();
            throw SalvoError.usage("the Python helper on '" + settings.python() + "' did not start within "
                    + settings.startTimeout().toSeconds() + " s (proc_start_timeout)");
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw SalvoError.usage("interrupted while starting the Python helper");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (!hello.isDone()) {
            String tail = exited.getNow("").strip();
            close();
            throw SalvoError.usage("the Python helper on '" + settings.python() + "' exited at start"
                    + (tail.isEmpty() ? "" : ": " + lastLine(tail)) + "; python_bin must be Python 3");
        }
        return this;
    }

    /** The settings it was started with. */
    public Settings settings() {
        return settings;
    }

    /**
     * Fails as {@link #start} would when the interpreter is not there at all, without starting
     * it: the load reports a missing Python (§8) even when nothing makes it start the helper.
     */
    public static void requireInterpreter(String python) {
        if (surelyMissing(python)) {
            throw SalvoError.usage("cannot start the Python interpreter '" + python
                    + "' (no such program): install it or set python_bin with -d python_bin=PATH");
        }
    }

    /** An absolute path that is not executable, or a name on no PATH entry; a relative path is left to the start. */
    private static boolean surelyMissing(String program) {
        Path path;
        try {
            path = Path.of(program);
        } catch (java.nio.file.InvalidPathException e) {
            return false; // the start says what is wrong with it
        }
        if (path.isAbsolute()) {
            return !Files.isExecutable(path);
        }
        if (program.contains(File.separator)) {
            return false; // the process resolves it from the test directory
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty() || !Path.of(dir).isAbsolute() || Files.isExecutable(Path.of(dir, program))) {
                return false;
            }
        }
        return true;
    }

    private void signal(WorkerSignal signal) {
        if (signal instanceof WorkerSignal.Messages m) {
            m.bodies().forEach(this::message);
        } else if (signal instanceof WorkerSignal.Exited x) {
            exited.complete(x.output() == null ? "" : x.output());
            CompletableFuture<JsonNode> waiting = pending;
            if (waiting != null) {
                waiting.completeExceptionally(new IOException("the Python helper exited (status " + x.exitCode() + ")"
                        + (x.output() == null || x.output().isBlank() ? "" : ": " + lastLine(x.output()))));
            }
        }
    }

    private void message(JsonNode body) {
        switch (body.path("ev").asText()) {
            case "hello" -> hello.complete(null);
            case "output" -> output.accept(body.path("line").asText());
            case "call" -> handle.send(serveCall(body));
            case "answer" -> {
                CompletableFuture<JsonNode> waiting = pending;
                if (waiting != null) {
                    waiting.complete(body);
                }
            }
            default -> { }
        }
    }

    /** The helper's questions about the dictionary (tm.gd, tm.setgd, tm.delgd) and the plots. */
    private JsonNode serveCall(JsonNode body) {
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("ev", "reply");
        String method = body.path("method").asText();
        JsonNode args = body.path("args");
        String name = args.path(0).asText();
        switch (method) {
            case "gd" -> reply.set("value", Json.toJson(dictionary.get(name)));
            case "setgd" -> {
                dictionary.set(name, Json.fromJson(args.get(1)));
                reply.putNull("value");
            }
            case "delgd" -> {
                dictionary.delete(name);
                reply.putNull("value");
            }
            case "add_plot_values" -> {
                try {
                    plots.add(name, Json.fromJson(args.get(1)) instanceof Map<?, ?> m ? m : Map.of());
                    reply.putNull("value");
                } catch (IllegalArgumentException e) {
                    reply.put("error", e.getMessage());
                }
            }
            case "last_plot_value" -> reply.set("value", Json.toJson(plots.last(name)));
            default -> reply.put("error", "unknown call " + method);
        }
        return reply;
    }

    /**
     * Sends one request and waits for its answer. A stop (the supplier turning true) or the
     * timeout kills the helper: what it was doing cannot be interrupted any other way.
     */
    public Answer request(ObjectNode request, BooleanSupplier stopped, Duration timeout) {
        return request(request, stopped, timeout, Duration.ZERO);
    }

    /**
     * As {@link #request(ObjectNode, BooleanSupplier, Duration)}, but a stop kills the helper only
     * when the answer is still missing {@code graceOnStop} after it: the shared expression helper
     * must not die under other branches for a stop that a quick expression would have outlived.
     */
    public synchronized Answer request(ObjectNode request, BooleanSupplier stopped, Duration timeout, Duration graceOnStop) {
        if (exited.isDone()) {
            return Answer.failed("the Python helper is no longer running");
        }
        request.put("req", ++requests);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending = answer;
        try {
            if (!handle.send(request)) {
                return Answer.failed("the Python helper is no longer running");
            }
            long deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            long stopSeen = 0;
            while (true) {
                try {
                    return Answer.of(answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    if (stopSeen == 0 && stopped.getAsBoolean()) {
                        stopSeen = System.nanoTime();
                    }
                    if (stopSeen != 0 && System.nanoTime() - stopSeen >= graceOnStop.toNanos()) {
                        kill();
                        return new Answer(false, Json.MAPPER.createObjectNode(), "stopped");
                    }
                    if (System.nanoTime() > deadline) {
                        kill();
                        return Answer.failed("no answer within " + timeout.toSeconds() + " s; the helper was killed");
                    }
                } catch (ExecutionException e) {
                    return Answer.failed(e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    kill();
                    return Answer.failed("interrupted");
                }
            }
        } finally {
            pending = null;
        }
    }

    /** Where the lines printed by the code it runs go (py_func's prints, to the item's log), as they come. */
    public void onOutput(java.util.function.Consumer<String> lines) {
        this.output = lines == null ? line -> { } : lines;
    }

    /** Where tm.add_plot_values and tm.last_plot_value go. */
    public void plots(PlotValues sink) {
        this.plots = sink == null ? PlotValues.NONE : sink;
    }

    public boolean alive() {
        return !exited.isDone();
    }

    public void kill() {
        handle.kill();
    }

    @Override
    public void close() {
        if (alive() && hello.isDone()) {
            ObjectNode stop = Json.MAPPER.createObjectNode();
            stop.put("op", "stop");
            handle.send(stop);
            try {
                exited.get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // It did not leave by itself: it is killed below.
            }
        }
        handle.kill();
        control.unregister(handle);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
