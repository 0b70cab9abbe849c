package salvo.sequence.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the command line gives a load.
 *
 * @param configs -c files (relative to cwd); empty to let the file choose
 * @param defines -d NAME=VALUE in order; a value of null means "-d NAME" (true)
 */
public record LoadOptions(Path main, Path cwd, List<Path> configs, List<Map.Entry<String, String>> defines,
                          List<Path> pythonPath) {
    /** What a -d NAME may be: a variable name of the sequence's expressions. */
    public static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public LoadOptions {
        configs = List.copyOf(configs);
        defines = List.copyOf(defines);
        pythonPath = List.copyOf(pythonPath);
    }

    public LoadOptions(Path main, Path cwd, List<Path> configs, List<Map.Entry<String, String>> defines) {
        this(main, cwd, configs, defines, List.of());
    }

    public static LoadOptions of(Path main) {
        return new LoadOptions(main, main.toAbsolutePath().getParent(), List.of(), List.of());
    }

    /** -i paths before the inherited PYTHONPATH, as the helpers' PYTHONPATH (after the helper and the test directory). */
    public Map<String, String> pythonEnvironment() {
        if (pythonPath.isEmpty()) {
            return Map.of();
        }
        List<String> parts = new java.util.ArrayList<>();
        pythonPath.forEach(p -> parts.add(cwd.resolve(p).toAbsolutePath().normalize().toString()));
        String inherited = System.getenv("PYTHONPATH");
        if (inherited != null && !inherited.isEmpty()) {
            parts.add(inherited);
        }
        return Map.of("PYTHONPATH", String.join(java.io.File.pathSeparator, parts));
    }

    /** -d python_bin, else python3: the only setting the helper starts with (§1.2). */
    public String python() {
        return defines.stream().filter(d -> d.getKey().equals("python_bin") && d.getValue() != null)
                .reduce((a, b) -> b).map(Map.Entry::getValue).orElse("python3");
    }
}
