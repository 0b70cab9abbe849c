package salvo.pytest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import salvo.error.SalvoError;
import salvo.execute.ProcessTree;

/**
 * A short question to the user's interpreter (is pytest there, where is this package), asked
 * before anything runs: bounded in time, its mistakes one line each.
 */
final class PythonScript {
    private static final long ANSWER_SECONDS = 60;

    /** What the interpreter printed (stdout and stderr, stripped) and how it exited. */
    record Answer(int exitCode, String text) {}

    private PythonScript() {}

    /**
     * @param cwd   where to run it, or null for Salvo's own directory
     * @param doing what the question is for, in the words of an internal error ("checking the Python interpreter")
     */
    static Answer run(String python, String script, List<String> args, Path cwd, String doing) {
        List<String> command = new ArrayList<>(List.of(python, "-c", script));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw SalvoError.usage("--python '" + python + "': no such interpreter (" + e.getMessage()
                    + "); pass the path of a Python 3 executable, e.g. --python python3");
        }
        try (var out = process.getInputStream()) {
            // Wait first, with a bound: reading to the end would wait for ever on an interpreter that hangs.
            // The answer is a few lines, so it never fills the pipe meanwhile.
            if (!process.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS)) {
                ProcessTree.kill(process);
                throw SalvoError.usage("--python '" + python + "' did not answer within " + ANSWER_SECONDS
                        + " s: check the interpreter");
            }
            return new Answer(process.exitValue(), new String(out.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw SalvoError.usage("--python '" + python + "': could not read its answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw SalvoError.internal("interrupted while " + doing, e);
        }
    }
}
