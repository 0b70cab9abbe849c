package salvo.sequence.engine;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import salvo.execute.RunControl;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.python.Dictionary;
import salvo.sequence.python.PlotValues;
import salvo.sequence.python.PythonHelper;

/**
 * The run's Python processes: the long-lived expression helper (started when first needed, and
 * again if a stop killed it mid-expression), one worker per py_func context_id, and fresh
 * workers for calls without one ({@link FreshWorkers}). Their interpreter and environment come
 * from the dictionary (python_bin, python_env).
 */
final class Helpers implements AutoCloseable {
    private final Dictionary dictionary;
    private final RunControl control;
    private final Path testDir;
    private final long t0;
    private final Map<String, PythonHelper> contexts = new ConcurrentHashMap<>();
    private PythonHelper expressions;
    private final FreshWorkers freshWorkers = new FreshWorkers(this::launch);
    private final AtomicInteger started = new AtomicInteger();
    private volatile PlotValues plots = PlotValues.NONE;

    private final Map<String, String> baseEnvironment;

    Helpers(Dictionary dictionary, RunControl control, Path testDir, long t0, PythonHelper expressions,
            Map<String, String> baseEnvironment) {
        this.baseEnvironment = Map.copyOf(baseEnvironment);
        this.dictionary = dictionary;
        this.control = control;
        this.testDir = testDir;
        this.t0 = t0;
        this.expressions = expressions;
    }

    synchronized PythonHelper expressions() {
        if (expressions == null || !expressions.alive()) {
            expressions = start("seq-expr");
        }
        expressions.plots(plots);
        return expressions;
    }

    /** Where every helper's tm.add_plot_values goes from now on. */
    void plots(PlotValues sink) {
        this.plots = sink;
    }

    /** The worker of a context_id, the same for the whole run (started again if it died). */
    PythonHelper context(String id) {
        return contexts.compute(id, (k, h) -> h != null && h.alive() ? h : start("seq-ctx-" + k));
    }

    /** A worker nobody used, for one call of a series (py_func, a loop's exit function): the next one starts now. */
    PythonHelper fresh() {
        return freshWorkers.take(settings());
    }

    /** Ends a worker from {@link #fresh} after its call, in the background. */
    void retire(PythonHelper worker) {
        freshWorkers.retire(worker);
    }

    /** A worker nobody used, for a call that no other follows (post-execution, a plot's periodic). */
    PythonHelper freshOnce() {
        return launch(settings()).ready();
    }

    private PythonHelper start(String label) {
        return launch(label, settings()).ready();
    }

    private PythonHelper launch(PythonHelper.Settings settings) {
        return launch("seq-call", settings);
    }

    private PythonHelper launch(String label, PythonHelper.Settings settings) {
        PythonHelper helper = PythonHelper.launch(settings, dictionary, control, label + "-" + started.incrementAndGet());
        helper.plots(plots);
        return helper;
    }

    PythonHelper.Settings settings() {
        Object python = dictionary.get("python_bin");
        Object timeout = dictionary.get("proc_start_timeout");
        long seconds = timeout instanceof Number n ? n.longValue() : 30;
        return new PythonHelper.Settings(python == null ? "python3" : PyRepr.str(python), testDir, environment("python_env"), t0,
                Duration.ofSeconds(seconds));
    }

    /** python_env or lua_env: PATH is prepended, the other *PATH variables replaced, the rest set (§2.4). */
    Map<String, String> environment(String variable) {
        Map<String, String> env = new LinkedHashMap<>(baseEnvironment);
        if (dictionary.get(variable) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                String value = PyRepr.str(v);
                if (key.equals("PATH")) {
                    value = value + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
                }
                env.put(key, value);
            });
        }
        return env;
    }

    @Override
    public synchronized void close() {
        freshWorkers.close();
        contexts.values().forEach(PythonHelper::close);
        contexts.clear();
        if (expressions != null) {
            expressions.close();
        }
    }
}
