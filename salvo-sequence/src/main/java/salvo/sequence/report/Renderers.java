package salvo.sequence.report;

import java.util.Optional;

/** The exports that are a pure rendering of the rows into one file. */
public final class Renderers {
    private Renderers() {}

    /** The text of {@code format}'s file, or empty when the format is not a rendering. */
    public static Optional<String> render(String format, ExportInput in) {
        return switch (format) {
            case "junit" -> Optional.of(JunitExport.render(in));
            case "json" -> Optional.of(JsonExport.render(in));
            case "text" -> Optional.of(TextExport.render(in));
            case "html" -> Optional.of(HtmlExport.render(in));
            default -> Optional.empty();
        };
    }
}
