package salvo.sequence.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded sequence: its checked item tree (null when the load failed), what the load found,
 * the top-level report and post_execution sections, and the config files it used.
 */
public record Loaded(Path file, Step main, List<Diagnostic> diagnostics, Map<String, Object> top, List<Path> configs) {
    public Loaded {
        diagnostics = List.copyOf(diagnostics);
        top = top == null ? Map.of() : top;
        configs = List.copyOf(configs);
    }

    public boolean ok() {
        return main != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    public Path testDirectory() {
        return file.toAbsolutePath().getParent();
    }
}
