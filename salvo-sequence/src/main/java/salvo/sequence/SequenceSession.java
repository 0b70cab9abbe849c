package salvo.sequence;

import java.time.Duration;
import salvo.execute.RunControl;
import salvo.sequence.engine.Engine;
import salvo.sequence.engine.Log;
import salvo.sequence.engine.Operator;
import salvo.sequence.engine.Rows;
import salvo.sequence.engine.Verdict;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.LoadOptions;
import salvo.sequence.load.Loaded;
import salvo.sequence.load.SequenceLoader;
import salvo.sequence.python.Dictionary;
import salvo.sequence.python.HelperEvaluator;
import salvo.sequence.python.PythonHelper;
import salvo.sequence.python.Templates;
import salvo.sequence.report.ReportPlan;

/**
 * One sequence from load to run: the helper (on -d python_bin, §1.2.1, started only when the
 * load needs Python), the dictionary, the load, and the engine. Whatever it started ends with
 * {@link #close}.
 */
public final class SequenceSession implements AutoCloseable {
    private final LoadOptions options;
    private final RunControl control;
    private final Dictionary dictionary = new Dictionary();
    private PythonHelper helper;
    private Loaded loaded;
    private volatile Engine engine;

    public SequenceSession(LoadOptions options, RunControl control) {
        this.options = options;
        this.control = control;
    }

    public Loaded load() {
        PythonHelper.requireInterpreter(options.python());
        SequenceLoader loader = new SequenceLoader(new HelperEvaluator(this::loadHelper, () -> false),
                new Templates(this::loadHelper), dictionary);
        loaded = loader.load(options);
        return loaded;
    }

    /** The helper of the load, started when the load first needs Python (most files never do). */
    private synchronized PythonHelper loadHelper() {
        if (helper == null) {
            helper = PythonHelper.start(new PythonHelper.Settings(options.python(),
                    options.main().toAbsolutePath().getParent(), options.pythonEnvironment(), System.currentTimeMillis(),
                    Duration.ofSeconds(30)), dictionary, control, "seq-load");
        }
        return helper;
    }

    /** Runs what {@link #load} loaded (it must have loaded without errors), in batch. */
    public Verdict run(Log log, Rows rows) {
        return run(Operator.batch(), log, rows, null);
    }

    /** As {@link #run(Log, Rows)}, with an operator and the command line's single report export (-t/-p/-n), or null. */
    public Verdict run(Operator operator, Log log, Rows rows, ReportPlan.CliExport report) {
        if (loaded == null || !loaded.ok()) {
            throw new IllegalStateException("run needs a sequence that loaded without errors");
        }
        Object python = dictionary.get("python_bin");
        if (helper != null && python != null && !PyRepr.str(python).equals(options.python())) {
            // §9.25: a python_bin from a config file is honoured by the expressions too.
            helper.close();
            helper = null;
        }
        if (python == null) {
            dictionary.set("python_bin", options.python());
        }
        engine = new Engine(loaded, dictionary, helper, new Engine.Settings(operator, control, options.pythonEnvironment(),
                report), log, rows);
        if (stopRequested) {
            engine.stop();
        }
        return engine.run();
    }

    private volatile boolean stopRequested;

    /** Stops the run (a second call stops its cleanup too). */
    public void stop() {
        stopRequested = true;
        Engine e = engine;
        if (e != null) {
            e.stop();
        }
    }

    public boolean stopped() {
        return stopRequested;
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        } else if (helper != null) {
            helper.close();
        }
    }
}
