package salvo.pytest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import salvo.event.RunEvents;
import salvo.execute.Execution;
import salvo.execute.PlannedUnit;
import salvo.execute.ProcessTree;
import salvo.execute.RunControl;
import salvo.execute.ScratchDirectory;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;
import salvo.worker.Losses;

/**
 * pytest-cov's {@code --cov} over many processes, as one report: every pytest process of the run
 * writes its coverage data into a directory private to the run (the plugin's coverage_data.py
 * says how), and after the last round one more pytest session with the user's options, which runs
 * no test, hands that data to pytest-cov to combine and report as serial {@code pytest --cov}
 * would, into the user's own data file. Nothing of the private directory outlives the run.
 */
final class CoverageExecution implements Execution {
    /** Where the run's processes write their coverage data: made before they start, gone after the report. */
    static final class Data implements AutoCloseable {
        /** Tells the plugin where its process writes its coverage data. */
        private static final String DIRECTORY = "SALVO_COVERAGE_DATA";
        private final ScratchDirectory directory = ScratchDirectory.create("salvo-coverage-");

        /** A pytest process's environment, with where it writes its coverage data. */
        Map<String, String> environment(Map<String, String> base) {
            Map<String, String> env = new HashMap<>(base);
            env.put(DIRECTORY, directory.path().toString());
            return env;
        }

        @Override
        public void close() {
            directory.close();
        }
    }

    private final Execution inner;
    private final Data data;
    private final PytestOptions options;
    private final PytestPlaces places;
    private final Path plugin;
    private final PrintStream out;

    /** Owns {@code inner} and {@code data} from now on: closing this closes the first, reports, then removes the second. */
    CoverageExecution(Execution inner, Data data, PytestOptions options, PytestPlaces places, Path plugin,
                      PrintStream out) {
        this.inner = inner;
        this.data = data;
        this.options = options;
        this.places = places;
        this.plugin = plugin;
        this.out = out;
    }

    @Override
    public List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control) {
        return inner.execute(plan, events, control);
    }

    @Override
    public List<WorkerRef> slots(int units) {
        return inner.slots(units);
    }

    @Override
    public boolean selectsTests() {
        return inner.selectsTests();
    }

    /** Every worker has ended (and saved its data) once the inner execution is closed. */
    @Override
    public void close() {
        try {
            inner.close();
            report();
        } finally {
            data.close();
        }
    }

    private void report() {
        ProcessBuilder builder = new ProcessBuilder(PytestCommand.coverageReport(options, data.directory.path().toString()))
                .directory(places.cwd().toFile()).redirectErrorStream(true);
        builder.environment().putAll(PluginEnvironment.of(plugin));
        Process process = null;
        try {
            process = builder.start();
            InputStream output = process.getInputStream();
            CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> readAll(output));
            if (!process.waitFor(options.fileTimeout().toSeconds(), TimeUnit.SECONDS)) {
                ProcessTree.kill(process);
                out.println("salvo: warning: pytest-cov's report did not finish within the file timeout, "
                        + Losses.seconds(options.fileTimeout()) + "; it was stopped");
                return;
            }
            String text = said.join().strip();
            int exit = process.exitValue();
            // 0 and 5 (no tests ran, by design); 1 when --cov-fail-under was not reached, which the report says.
            if (exit == 0 || exit == 5 || exit == 1) {
                out.println();
                out.println(text);
            } else {
                out.println("salvo: warning: pytest-cov could not report the coverage (exit " + exit + "): "
                        + Losses.lastMeaningfulLine(text));
            }
        } catch (IOException e) {
            out.println("salvo: warning: could not start pytest to report the coverage: " + e.getMessage());
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
