package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.Rules;
import salvo.sequence.load.Step;

/**
 * run (§3.7): another .tum in a process of its own (the same Java, salvo's sequence main, in
 * batch without colour), its output into this log prefixed with its file name. It PASSes
 * whenever the child ran, whatever the child's verdict; a stop kills the child's whole tree.
 * start_time and end_time ("HH:MM", or "HH:MM:SS") make a window; outside it the item FAILs, or
 * with wait_for_exec waits for it to open.
 */
final class RunTum {
    private static final long POLL_MILLIS = 50;

    private final Engine engine;

    RunTum(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame) {
        String tum = frame.expandText(step.field("tum"));
        Path cwd = Path.of("").toAbsolutePath();
        Path file = Files.isRegularFile(cwd.resolve(tum)) ? cwd.resolve(tum) : engine.testDirectory().resolve(tum);
        if (!Files.isRegularFile(file)) {
            return Result.fail("run: no sequence file \"" + tum + "\" in the working directory or the test directory");
        }
        String window = window(step);
        if (window != null && step.has("wait_for_exec") && Rules.flag(frame.field("wait_for_exec"), engine.evaluator(frame.stop))) {
            frame.info(window + "; waiting for the window to open (wait_for_exec)");
            window = awaitWindow(step, frame.stop);
        }
        if (window != null) {
            return Result.fail(window);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "salvo.sequence.SequenceMain", "run", "-b", "-o"));
        if (step.has("param_file")) {
            command.add("-c");
            command.add(engine.testDirectory().resolve(frame.expandText(step.field("param_file"))).toString());
        }
        if (step.has("report_file")) {
            command.add("-p");
            command.add(cwd.resolve(frame.expandText(step.field("report_file"))).toString());
        }
        command.add(file.toString());
        String prefix = "[" + file.getFileName() + "] ";
        StringBuilder value = new StringBuilder();
        try {
            ChildProcess.End end = ChildProcess.run(command, cwd, frame.stop, engine.control(), line -> {
                frame.log(prefix + line);
                value.append(line).append('\n');
            });
            frame.info("the sequence " + file.getFileName() + (end.killed() ? " was stopped" : " ended with status "
                    + end.exitCode()));
            return Result.pass(value.toString()); // §3.7: it ran, whatever its verdict
        } catch (IOException e) {
            return Result.fail("run: cannot start the sequence " + file + ": " + e.getMessage());
        }
    }

    /**
     * wait_for_exec: until the window opens (null), or why it did not. The original looks once a
     * minute; the clock is cheap, so this looks as often as it checks for a stop.
     */
    private static String awaitWindow(Step step, Stop stop) {
        String window;
        while ((window = window(step)) != null) {
            if (stop.stopped()) {
                return "run: stopped while waiting for the window to open (" + window + ")";
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "run: interrupted while waiting for the window to open";
            }
        }
        return null;
    }

    /** Why now is outside the start_time/end_time window, or null when it may run. */
    private static String window(Step step) {
        LocalTime now = LocalTime.now();
        LocalTime start = step.has("start_time") ? LocalTime.parse(pad(step.field("start_time"))) : null;
        LocalTime end = step.has("end_time") ? LocalTime.parse(pad(step.field("end_time"))) : null;
        if (start != null && end != null && (now.isBefore(start) || !now.isBefore(end))) {
            return "run: now (" + now.withNano(0) + ") is outside the window " + start + "-" + end;
        }
        if (start != null && end == null && now.isBefore(start)) {
            return "run: now (" + now.withNano(0) + ") is before start_time " + start;
        }
        return null;
    }

    private static String pad(Object hhmm) {
        String t = PyRepr.str(hhmm).strip();
        return t.length() == 4 ? "0" + t : t;
    }
}
