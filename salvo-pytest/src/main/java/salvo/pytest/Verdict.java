package salvo.pytest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;
import salvo.execute.SupervisedProcess;
import salvo.worker.ExitStatus;
import salvo.worker.Losses;

/** Decides how one attempt of a file ended, from what pytest reported and how its process ended. Pure. */
final class Verdict {
    private Verdict() {}

    static UnitResult decide(TestUnit unit, int attempt, WorkerRef worker, Duration elapsed, PytestOptions options,
                             AttemptLog.Snapshot log, SupervisedProcess.End end) {
        List<TestResult> tests = new ArrayList<>(log.finished());
        String running = log.running().orElse(null);
        Failure failure = null;
        Outcome outcome = null;
        switch (end.how()) {
            case INTERRUPTED -> {
                outcome = Outcome.SKIPPED;
                failure = Failure.of(FailureKind.OTHER, "interrupted after " + tests.size() + " test(s) of this file");
            }
            case TIMED_OUT -> {
                String where = running != null ? " in " + PytestIds.testName(running)
                        : log.sessionFinished() ? " after its tests finished"
                        : log.collected() == null ? " while collecting" : " between tests";
                failure = new Failure(FailureKind.TIMEOUT, "file exceeded its " + Losses.seconds(options.fileTimeout())
                        + " timeout" + where + "; its process tree was killed", end.output());
                outcome = Outcome.TIMEOUT;
                if (running != null) {
                    tests.add(Losses.lostTest(PytestIds.node(running), failure, Duration.ZERO, attempt));
                }
            }
            case LINGERED -> {
                outcome = Outcome.ERROR;
                failure = new Failure(FailureKind.HANG, lingerMessage(log, options), end.output());
            }
            case EXITED -> {
                if (running != null) {
                    outcome = Outcome.CRASHED;
                    failure = Losses.crashed("process", end.exitCode(), "during " + PytestIds.testName(running),
                            end.output());
                    tests.add(Losses.lostTest(PytestIds.node(running), failure, Duration.ZERO, attempt));
                } else if (end.exitCode() == ExitStatus.HARD_TIMEOUT) {
                    outcome = Outcome.TIMEOUT;
                    failure = Failure.of(FailureKind.TIMEOUT, "a test could not be interrupted at its timeout, so "
                            + "its process was ended; the rest of the file did not run");
                } else if (!log.connected()) {
                    outcome = Outcome.ERROR;
                    failure = new Failure(startupKind(end.output()), "pytest did not start: "
                            + Losses.lastMeaningfulLine(end.output()), end.output());
                } else if (!log.sessionFinished()) {
                    outcome = Outcome.CRASHED;
                    failure = Losses.crashed("process", end.exitCode(),
                            log.collected() == null ? "while collecting" : "between tests", end.output());
                }
            }
        }
        if (outcome == null) {
            if (!log.collectErrors().isEmpty()) {
                AttemptLog.CollectError first = log.collectErrors().get(0);
                int more = log.collectErrors().size() - 1;
                Failure f = first.failure();
                outcome = Outcome.ERROR;
                failure = new Failure(f.kind(), f.message() + (more > 0 ? " (and " + more + " more)" : ""), f.detail());
            } else if (log.sessionExitStatus() == 3 || log.sessionExitStatus() == 4) {
                outcome = Outcome.ERROR;
                failure = new Failure(FailureKind.OTHER, "pytest stopped with "
                        + (log.sessionExitStatus() == 3 ? "an internal error" : "a usage error") + ": "
                        + Losses.lastMeaningfulLine(end.output()), end.output());
            } else {
                outcome = UnitResult.outcomeOf(tests);
            }
        }
        return new UnitResult(unit, outcome, elapsed, tests, failure, attempt, worker, log.warnings());
    }


    private static String lingerMessage(AttemptLog.Snapshot log, PytestOptions options) {
        String base = "tests finished but the process did not exit within " + Losses.seconds(options.hangGrace());
        if (log.lingering().isEmpty()) {
            return base + " (an atexit handler or a child process kept it alive); it was killed";
        }
        String threads = log.lingering().stream()
                .map(t -> "'" + t.name() + "' (" + t.target() + (t.where().isEmpty() ? "" : ", now at " + t.where()) + ")")
                .collect(Collectors.joining(", "));
        return base + ": non-daemon thread " + threads + " still running; start it with daemon=True or join it";
    }

    /** What pytest said when it could not start, read once: a conftest that would not import, a refused option. */
    private record StartupOutput(String conftestLine, java.nio.file.Path conftest, String usageLine, String pluginLine,
                                 String last) {
        private static final String CONFTEST = "while loading conftest '";
        /** The plugin's own line for a pytest plugin that could not be loaded (plugin_failure.py). */
        private static final String PLUGIN = "salvo: pytest plugin ";

        static StartupOutput of(String output) {
            List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            String conftestLine = lines.stream().filter(l -> l.contains(CONFTEST)).findFirst().orElse(null);
            java.nio.file.Path conftest = null;
            if (conftestLine != null) {
                int from = conftestLine.indexOf(CONFTEST) + CONFTEST.length();
                int to = conftestLine.indexOf('\'', from);
                conftest = java.nio.file.Path.of(to > from ? conftestLine.substring(from, to) : conftestLine.substring(from));
            }
            // argparse's own words: "__main__.py: error: unrecognized arguments: --x"
            String usage = lines.stream().filter(l -> l.contains(": error: ")).reduce((a, b) -> b).orElse(null);
            String plugin = lines.stream().filter(l -> l.startsWith(PLUGIN)).findFirst()
                    .map(l -> l.substring("salvo: ".length())).orElse(null);
            return new StartupOutput(conftestLine, conftest, usage, plugin, Losses.lastMeaningfulLine(output));
        }
    }

    /**
     * Whether a pytest that could not start would fail alike for every file of the run: it
     * refused its command line, a pytest plugin could not be loaded, or a conftest.py in the
     * rootdir (or above it) does not import.
     * A broken conftest further down costs only the files below it, as a collection error.
     */
    static boolean failsForEveryFile(String output, java.nio.file.Path rootDir) {
        StartupOutput said = StartupOutput.of(output);
        if (said.conftest() != null) {
            java.nio.file.Path dir = said.conftest().getParent();
            return dir != null && rootDir.startsWith(dir);
        }
        return said.usageLine() != null || said.pluginLine() != null;
    }

    /**
     * Why pytest could not start, in one line: the conftest that would not import and why,
     * the option it did not understand, else its last error line.
     */
    static String startupReason(String output) {
        StartupOutput said = StartupOutput.of(output);
        if (said.pluginLine() != null) {
            return said.pluginLine();
        }
        if (said.conftestLine() != null) {
            return "pytest could not start: " + said.conftestLine().replaceAll("\\.$", "") + ": " + said.last()
                    + "; fix that conftest.py and run again";
        }
        if (said.usageLine() != null) {
            String usage = said.usageLine();
            return "pytest refused its command line: " + usage.substring(usage.indexOf(": error: ") + 9)
                    + "; check the options after -- (they go to pytest unchanged)";
        }
        return "pytest could not start: " + said.last();
    }

    private static FailureKind startupKind(String output) {
        if (output.contains("SyntaxError")) {
            return FailureKind.SYNTAX;
        }
        if (output.contains("ImportError") || output.contains("ModuleNotFoundError")) {
            return FailureKind.IMPORT;
        }
        return FailureKind.COLLECTION;
    }
}
