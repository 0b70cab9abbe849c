package salvo.command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import salvo.execute.PlannedUnit;
import salvo.execute.SupervisedProcess;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;
import salvo.worker.ExitStatus;
import salvo.worker.Losses;

/**
 * How one attempt of a command came out, from how its process ended and, when it writes one,
 * its JUnit report. Without a report the command is a single test of its own, so a run's totals
 * count it; with one, its test cases are the tests and the unit is the worst of them, but a
 * command that ended badly while every case passed still fails on its exit status.
 */
final class CommandVerdict {
    /** dash: "sh: 1: foo: not found"; bash: "bash: line 1: foo: command not found". */
    private static final Pattern NOT_FOUND = Pattern.compile("([^:\\s]+): (?:command )?not found\\s*$");
    private static final int SHELL_NOT_FOUND = 127;

    private CommandVerdict() {}

    /** The end as outcome and failure, before any report is read. */
    private record Ending(Outcome outcome, Failure failure) {
        /** True when the process ended by itself with a plain exit status. */
        boolean byItself() {
            return outcome == Outcome.PASSED || outcome == Outcome.FAILED;
        }
    }

    static UnitResult decide(CommandSpec spec, PlannedUnit planned, WorkerRef worker, Instant started,
                             SupervisedProcess.End end, Duration limit) {
        Duration took = Duration.between(started, Instant.now());
        Ending ending = ending(spec, end, limit);
        List<TestResult> tests = List.of();
        if (spec.junit().isPresent()) {
            Reading reading = readReports(spec, planned, started);
            tests = reading.tests();
            if (reading.problem().isPresent() && ending.byItself()) {
                // A report missing or unreadable after a crash or a timeout is expected; otherwise it is the story.
                String because = ending.outcome() == Outcome.PASSED ? "" : " (the command " + ending.failure().message() + ")";
                ending = new Ending(Outcome.ERROR, new Failure(FailureKind.OTHER, reading.problem().get() + because
                        + "; check junit: of command " + spec.name(), end.output()));
                tests = List.of();
            }
        }
        if (tests.isEmpty()) {
            NodeId node = NodeId.test(spec.unitId(), spec.unitId(), spec.name());
            TestResult only = new TestResult(node, ending.outcome(), took, ending.failure(), end.output(), planned.attempt());
            return new UnitResult(planned.unit(), ending.outcome(), took, List.of(only), ending.failure(),
                    planned.attempt(), worker);
        }
        Outcome worstTest = tests.stream().map(TestResult::outcome).max(Comparator.comparingInt(Outcome::severity))
                .orElseThrow();
        Outcome outcome;
        Failure failure;
        if (ending.outcome() == Outcome.PASSED || (ending.outcome() == Outcome.FAILED && worstTest.isFailure())) {
            // Its failing cases say why; a non-zero exit is their consequence.
            outcome = worstTest;
            failure = null;
        } else {
            outcome = worse(ending.outcome(), worstTest);
            failure = ending.failure();
        }
        return new UnitResult(planned.unit(), outcome, took, tests, failure, planned.attempt(), worker);
    }

    private static Ending ending(CommandSpec spec, SupervisedProcess.End end, Duration limit) {
        String tail = end.output();
        return switch (end.how()) {
            case TIMED_OUT, LINGERED -> new Ending(Outcome.TIMEOUT,
                    Losses.timedOut("the command", limit, "its process tree was killed", tail));
            case INTERRUPTED -> new Ending(Outcome.INCOMPLETE,
                    new Failure(FailureKind.OTHER, "the run was stopped before the command finished", tail));
            case EXITED -> exited(spec, end.exitCode(), tail);
        };
    }

    private static Ending exited(CommandSpec spec, int code, String tail) {
        if (code == 0) {
            return new Ending(Outcome.PASSED, null);
        }
        if (ExitStatus.isSignal(code)) {
            return new Ending(Outcome.CRASHED, Losses.crashed("the command", code, "", tail));
        }
        if (code == SHELL_NOT_FOUND && spec.run() instanceof CommandSpec.Shell) {
            Optional<String> missing = notFound(tail);
            if (missing.isPresent()) {
                return new Ending(Outcome.ERROR, new Failure(FailureKind.OTHER, "command not found: " + missing.get()
                        + " (install it, or fix run of command " + spec.name() + ")", tail));
            }
        }
        return new Ending(Outcome.FAILED, new Failure(FailureKind.OTHER, ExitStatus.describe(code), tail));
    }

    /** The word the shell said it could not find, from the last line that says so. */
    static Optional<String> notFound(String output) {
        String found = null;
        for (String line : output.split("\\R")) {
            Matcher m = NOT_FOUND.matcher(line);
            if (m.find()) {
                found = m.group(1);
            }
        }
        return Optional.ofNullable(found);
    }

    /** A command that could not be started at all (its program vanished since discovery, say). */
    static UnitResult notStarted(CommandSpec spec, PlannedUnit planned, WorkerRef worker, Instant started,
                                 java.io.IOException e) {
        String program = spec.run().argv().get(0);
        String reason = String.valueOf(e.getMessage());
        String message = reason.contains("error=2,") ? "command not found: " + program
                : "could not start " + program + ": " + reason;
        Failure failure = new Failure(FailureKind.OTHER, message + " (command " + spec.name() + ")", reason);
        Duration took = Duration.between(started, Instant.now());
        NodeId node = NodeId.test(spec.unitId(), spec.unitId(), spec.name());
        TestResult only = new TestResult(node, Outcome.ERROR, took, failure, "", planned.attempt());
        return new UnitResult(planned.unit(), Outcome.ERROR, took, List.of(only), failure, planned.attempt(), worker);
    }

    /** The tests of the reports, or why there are none. */
    private record Reading(List<TestResult> tests, Optional<String> problem) {}

    private static Reading readReports(CommandSpec spec, PlannedUnit planned, Instant started) {
        String pattern = spec.junit().orElseThrow();
        ReportFiles files = ReportFiles.find(spec.cwd(), pattern, started);
        if (files.fresh().isEmpty()) {
            String stale = files.stale().isEmpty() ? "" : " (only older files from an earlier run match: "
                    + files.stale().get(0) + (files.stale().size() > 1 ? ", ..." : "") + ")";
            return new Reading(List.of(), Optional.of("the JUnit report " + pattern + " was not written in "
                    + spec.cwd() + stale));
        }
        JUnitReport report = new JUnitReport(NodeId.ofUnit(spec.unitId()), planned.attempt());
        for (Path file : files.fresh()) {
            try {
                report.read(file);
            } catch (JUnitReport.Unreadable e) {
                return new Reading(report.tests(), Optional.of("could not read the JUnit report " + file + ": "
                        + e.getMessage()));
            }
        }
        return new Reading(report.tests(), Optional.empty());
    }

    private static Outcome worse(Outcome a, Outcome b) {
        return a.severity() >= b.severity() ? a : b;
    }
}
