package salvo.pytest;

import java.util.List;
import salvo.error.SalvoError;

/**
 * Checks, once per run and before anything runs, that the interpreter exists, that pytest is
 * installed for it, and that the -m expression parses, so each of those mistakes gets one clear
 * line instead of a failure per file.
 */
public final class PythonProbe {
    /** What the probe found: versions, for the run's record. */
    public record PythonInfo(String pythonVersion, String pytestVersion) {}

    // pytest's version from its metadata, and -m parsed only when the user gave it: importing
    // pytest costs a tenth of a second of CPU while the workers start on a small machine.
    private static final String SCRIPT = String.join("\n",
            "import importlib.util, sys",
            "if importlib.util.find_spec('pytest') is None:",
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
            "try:",
            "    from importlib.metadata import version",
            "    pytest_version = version('pytest')",
            "except Exception:",
            "    import pytest",
            "    pytest_version = pytest.__version__",
            "print('OK', sys.version.split()[0], pytest_version)");

    private PythonProbe() {}

    public static PythonInfo probe(String python, String markers) {
        String givenMarkers = markers.equals(PytestRunOptions.DEFAULT_MARKER) ? "" : markers; // Salvo's own parses
        PythonScript.Answer answer = PythonScript.run(python, SCRIPT, List.of(givenMarkers), null,
                "checking the Python interpreter");
        String text = answer.text();
        String last = text.lines().reduce((a, b) -> b).orElse("");
        String[] words = text.isEmpty() ? new String[0] : last.split(" ", 2);
        if (answer.exitCode() != 0 || words.length < 2) {
            throw SalvoError.usage("--python '" + python + "' is not a working Python 3 interpreter: "
                    + (text.isEmpty() ? "exit code " + answer.exitCode() : last) + "; pass another with --python");
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
                    + "it answered '" + last + "'; pass another with --python");
        }
    }
}
