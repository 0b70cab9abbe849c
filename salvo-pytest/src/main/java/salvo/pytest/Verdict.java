package salvo.pytest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;

/** Decides how one attempt of a file ended, from what pytest reported and how its process ended. Pure. */
final class Verdict {
    /** The plugin's exit status when a test could not be interrupted at its timeout. */
    static final int EXIT_HARD_TIMEOUT = 71;

    private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private Verdict() {}

    static UnitResult decide(TestUnit unit, int attempt, String worker, Duration elapsed, PytestOptions options,
                             AttemptLog.Snapshot log, ProcessEnd end) {
        List<TestResult> tests = new ArrayList<>(log.finished());
        String running = log.running().orElse(null);
        Failure failure = null;
        Outcome outcome = null;
        switch (end.how()) {
            case INTERRUPTED -> {
                outcome = Outcome.SKIPPED;
                failure = Failure.of(FailureKind.OTHER, "interrupted after " + tests.size() + " test(s) of this file");
            }
            case FILE_TIMEOUT -> {
                String where = running != null ? " in " + Protocol.testName(running)
                        : log.sessionFinished() ? " after its tests finished"
                        : log.collected() == null ? " while collecting" : " between tests";
                failure = new Failure(FailureKind.TIMEOUT, "file exceeded its " + seconds(options.fileTimeout())
                        + " timeout" + where + "; its process tree was killed", end.output());
                outcome = Outcome.TIMEOUT;
                if (running != null) {
                    tests.add(Protocol.lostTest(running, failure, Duration.ZERO, attempt));
                }
            }
            case LINGERED -> {
                outcome = Outcome.ERROR;
                failure = new Failure(FailureKind.HANG, lingerMessage(log, options), end.output());
            }
            case EXITED -> {
                if (running != null) {
                    outcome = Outcome.CRASHED;
                    failure = new Failure(FailureKind.CRASH, "process " + describeExit(end.exitCode()) + " during "
                            + Protocol.testName(running), end.output());
                    tests.add(Protocol.lostTest(running, failure, Duration.ZERO, attempt));
                } else if (end.exitCode() == EXIT_HARD_TIMEOUT) {
                    outcome = Outcome.TIMEOUT;
                    failure = Failure.of(FailureKind.TIMEOUT, "a test could not be interrupted at its timeout, so "
                            + "its process was ended; the rest of the file did not run");
                } else if (!log.connected()) {
                    outcome = Outcome.ERROR;
                    failure = new Failure(startupKind(end.output()), "pytest did not start: "
                            + lastMeaningfulLine(end.output()), end.output());
                } else if (!log.sessionFinished()) {
                    outcome = Outcome.CRASHED;
                    failure = new Failure(FailureKind.CRASH, "process " + describeExit(end.exitCode())
                            + (log.collected() == null ? " while collecting" : " between tests"), end.output());
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
                        + lastMeaningfulLine(end.output()), end.output());
            } else {
                outcome = fromTests(tests);
            }
        }
        return new UnitResult(unit, outcome, elapsed, tests, failure, attempt, worker);
    }

    /** The worst failure among the tests, else PASSED when any test ran, else SKIPPED. */
    static Outcome fromTests(List<TestResult> tests) {
        return tests.stream().map(TestResult::outcome).filter(Outcome::isFailure)
                .max(Comparator.comparingInt(Outcome::severity))
                .orElse(tests.stream().allMatch(t -> t.outcome() == Outcome.SKIPPED) ? Outcome.SKIPPED : Outcome.PASSED);
    }

    private static String lingerMessage(AttemptLog.Snapshot log, PytestOptions options) {
        String base = "tests finished but the process did not exit within " + seconds(options.hangGrace());
        if (log.lingering().isEmpty()) {
            return base + " (an atexit handler or a child process kept it alive); it was killed";
        }
        String threads = log.lingering().stream()
                .map(t -> "'" + t.name() + "' (" + t.target() + (t.where().isEmpty() ? "" : ", now at " + t.where()) + ")")
                .collect(Collectors.joining(", "));
        return base + ": non-daemon thread " + threads + " still running; start it with daemon=True or join it";
    }

    static String describeExit(int code) {
        if (code > 128 && code < 160) {
            int signal = code - 128;
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            return "was killed by " + name + (signal == 9 ? " (out of memory, or killed from outside)" : "");
        }
        return "exited with code " + code;
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

    /** The line most likely to say what went wrong: pytest's "E   ..." lines, else the last non-blank one. */
    static String lastMeaningfulLine(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("E ") || l.startsWith("ERROR:") || l.contains("Error:")) {
                return l.startsWith("E ") ? l.substring(1).strip() : l;
            }
        }
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : (ms / 1000.0) + "s";
    }
}
