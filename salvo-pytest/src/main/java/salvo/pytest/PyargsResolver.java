package salvo.pytest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import salvo.error.SalvoError;

/**
 * {@code --pyargs}: dotted names of installed packages or modules turned into the paths pytest
 * would collect, by asking the interpreter where they are (importlib's find_spec, as pytest
 * does), in the user's directory.
 */
final class PyargsResolver {
    private static final String SCRIPT = String.join("\n",
            "import importlib.util, sys",
            "sys.path.insert(0, '')",
            "for name in sys.argv[1:]:",
            "    try:",
            "        spec = importlib.util.find_spec(name)",
            "    except (ImportError, ValueError):",
            "        spec = None",
            "    if spec is None:",
            "        print('MISSING\\t' + name)",
            "    elif spec.submodule_search_locations:",
            "        print('PATH\\t' + list(spec.submodule_search_locations)[0])",
            "    elif spec.origin and spec.origin.endswith('.py'):",
            "        print('PATH\\t' + spec.origin)",
            "    else:",
            "        print('MISSING\\t' + name)");

    private PyargsResolver() {}

    static List<String> resolve(String python, List<String> names, Path cwd) {
        if (names.isEmpty()) {
            throw SalvoError.usage("--pyargs needs the dotted names of packages to run, e.g. salvo run --pyargs mypkg.tests");
        }
        PythonScript.Answer answer = PythonScript.run(python, SCRIPT, names, cwd, "locating --pyargs packages");
        List<String> paths = new ArrayList<>();
        for (String line : answer.text().lines().toList()) {
            String[] parts = line.split("\t", 2);
            if (parts.length == 2 && parts[0].equals("MISSING")) {
                throw SalvoError.usage("--pyargs " + parts[1] + ": no such package or module for " + python
                        + "; install it, or check the name (dotted, as in an import)");
            }
            if (parts.length == 2 && parts[0].equals("PATH")) {
                paths.add(parts[1]);
            }
        }
        if (paths.size() != names.size()) {
            throw SalvoError.usage("--pyargs: " + python + " could not locate " + String.join(", ", names));
        }
        return paths;
    }
}
