package salvo.pytest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import salvo.error.SalvoError;
import salvo.execute.ProcessTree;

/**
 * Checks, once per run and before anything runs, that the interpreter exists, that pytest is
 * installed for it, and that the -m expression parses, so each of those mistakes gets one clear
 * line instead of a failure per file.
 */
public final class PythonProbe {
    /** What the probe found: versions, for the run's record. */
    public record PythonInfo(String pythonVersion, String pytestVersion) {}

    private static final String SCRIPT = String.join("\n",
            "import sys",
            "try:",
            "    import pytest",
            "except ImportError as e:",
            "    print('NO_PYTEST', sys.version.split()[0]); sys.exit(0)",
            "expr = sys.argv[1]",
            "if expr:",
            "    try:",
            "        from _pytest.mark.expression import Expression",
            "    except ImportError:",
            "        Expression = None",
            "    if Expression is not None:",
            "        try:",
            "            Expression.compile(expr)",
            "        except Exception as e:",
            "            print('BAD_MARKER', str(e).splitlines()[0] if str(e) else type(e).__name__); sys.exit(0)",
            "print('OK', sys.version.split()[0], pytest.__version__)");

    private PythonProbe() {}

    public static PythonInfo probe(String python, String markers) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(python, "-c", SCRIPT, markers)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw SalvoError.usage("--python '" + python + "': no such interpreter (" + e.getMessage()
                    + "); pass the path of a Python 3 executable, e.g. --python python3");
        }
        try (var out = process.getInputStream()) {
            // Wait first, with a bound: reading to the end would wait for ever on an interpreter that hangs.
            // The answer is a line or two, so it never fills the pipe meanwhile.
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                ProcessTree.kill(process);
                throw SalvoError.usage("--python '" + python + "' did not answer within 60 s: check the interpreter");
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            String[] words = text.isEmpty() ? new String[0] : text.lines().reduce((a, b) -> b).orElse("").split(" ", 2);
            if (process.exitValue() != 0 || words.length < 2) {
                throw SalvoError.usage("--python '" + python + "' is not a working Python 3 interpreter: "
                        + (text.isEmpty() ? "exit code " + process.exitValue() : text.lines().reduce((a, b) -> b).orElse(""))
                        + "; pass another with --python");
            }
            switch (words[0]) {
                case "NO_PYTEST" -> throw SalvoError.usage("pytest is not installed for " + python + " (Python "
                        + words[1] + "): install it (" + python + " -m pip install pytest, or apt-get install "
                        + "python3-pytest) or choose another interpreter with --python");
                case "BAD_MARKER" -> throw SalvoError.usage("-m/--marker '" + markers + "' is not a valid marker "
                        + "expression: " + words[1] + "; use e.g. -m \"not integration\" or -m \"\" for all tests");
                case "OK" -> {
                    String[] versions = words[1].split(" ");
                    return new PythonInfo(versions[0], versions.length > 1 ? versions[1] : "");
                }
                default -> throw SalvoError.usage("--python '" + python + "' is not a working Python 3 interpreter: "
                        + "it answered '" + text.lines().reduce((a, b) -> b).orElse("") + "'; pass another with --python");
            }
        } catch (IOException e) {
            throw SalvoError.usage("--python '" + python + "': could not read its answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw SalvoError.internal("interrupted while checking the Python interpreter", e);
        }
    }
}
