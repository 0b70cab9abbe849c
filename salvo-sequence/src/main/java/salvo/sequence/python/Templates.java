package salvo.sequence.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whole-file Jinja2 rendering in the helper (Jinja2 itself, so templates behave exactly as in
 * the original), with the rendered-to-source line map. A file without Jinja markers is used as
 * it is: most files have none, and then Jinja2 need not be installed.
 */
public final class Templates {
    /** @param lineMap for each rendered line (from 0), its source line (from 1); null when unchanged */
    public record Rendered(String text, int[] lineMap) {}

    /** A template problem at a source line. */
    public static final class TemplateFailed extends RuntimeException {
        private final int line;

        TemplateFailed(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final Supplier<PythonHelper> helper;

    /** @param helper asked for only when a file has Jinja markers */
    public Templates(Supplier<PythonHelper> helper) {
        this.helper = helper;
    }

    public static boolean needsRendering(String text) {
        return text.contains("{{") || text.contains("{%") || text.contains("{#");
    }

    public Rendered render(String text, Map<String, Object> variables) {
        if (!needsRendering(text)) {
            return new Rendered(text, null);
        }
        ObjectNode req = Json.MAPPER.createObjectNode().put("op", "render").put("template", text);
        req.set("vars", Json.toJson(variables));
        Answer a = helper.get().request(req, () -> false, Duration.ofMinutes(1));
        if (!a.ok()) {
            String error = a.error();
            if (error.contains("No module named 'jinja2'")) {
                error = "this file uses Jinja2 templating ({{ }}, {% %} or {# #}) and the sequence's Python has no jinja2: "
                        + "install it (apt-get install python3-jinja2, or pip install jinja2) or set python_bin";
            }
            throw new TemplateFailed(error.lines().reduce((x, y) -> y).orElse(error), a.body().path("line").asInt(1));
        }
        JsonNode lines = a.body().get("lines");
        int[] map = new int[lines.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = lines.get(i).asInt();
        }
        return new Rendered(a.text("text"), map);
    }
}
