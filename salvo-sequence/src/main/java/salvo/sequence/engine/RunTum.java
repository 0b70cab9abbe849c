package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;

/**
 * run (§3.7): another .tum in a process of its own (the same Java, salvo's sequence main, in
 * batch without colour), its output into this log prefixed with its file name. It PASSes
 * whenever the child ran, whatever the child's verdict; a stop kills the child's whole tree.
 */
final class RunTum {
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
        if (window != null) {
            return Result.fail(window);
        }
        if (step.has("wait_for_exec")) {
            return Result.fail("run: wait_for_exec is not supported yet by Salvo's sequence engine");
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
