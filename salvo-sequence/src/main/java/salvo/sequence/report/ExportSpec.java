package salvo.sequence.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.sequence.expr.PyRepr;

/**
 * One entry of an export list (SEQUENCES.md §6.2): {@code {junit: {file_name: j.xml, key: [...]}}}.
 * Its fields stay unexpanded until the export runs.
 *
 * @param format the entry's key; for an entry that is not a one-key mapping, what it was
 * @param valid  false when the entry is not a one-key mapping (the export is skipped, saying so)
 */
public record ExportSpec(String format, Map<String, Object> fields, boolean valid) {
    public static final List<String> FORMATS = List.of("sqlite", "junit", "json", "text", "html", "command");

    public ExportSpec {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An export list: a list of entries, or one entry (§9.27); null gives none. */
    public static List<ExportSpec> list(Object export) {
        List<ExportSpec> out = new ArrayList<>();
        if (export == null) {
            return out;
        }
        for (Object entry : export instanceof List<?> l ? l : List.of(export)) {
            out.add(of(entry));
        }
        return out;
    }

    static ExportSpec of(Object entry) {
        if (!(entry instanceof Map<?, ?> m) || m.size() != 1) {
            return new ExportSpec(PyRepr.repr(entry), Map.of(), false);
        }
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (e.getValue() instanceof Map<?, ?> f) {
            f.forEach((k, v) -> fields.put(String.valueOf(k), v));
        }
        return new ExportSpec(String.valueOf(e.getKey()), fields, true);
    }

    /** pattern or key: one text or a list of texts. */
    public List<String> filter(String name, java.util.function.Function<Object, String> expand) {
        Object v = fields.get(name);
        List<String> out = new ArrayList<>();
        if (v != null) {
            (v instanceof List<?> l ? l : List.of(v)).forEach(x -> out.add(expand.apply(x)));
        }
        return out;
    }

    /** The file extension of the format's output, for a default file name. */
    public static String extension(String format) {
        return switch (format) {
            case "sqlite" -> ".db";
            case "junit" -> ".xml";
            case "json" -> ".json";
            case "html" -> ".html";
            default -> ".txt";
        };
    }

    /** -p's format when -t is absent (§9.17): from the file's extension, sqlite by default. */
    public static String inferFormat(String file) {
        String f = file.toLowerCase(java.util.Locale.ROOT);
        if (f.endsWith(".xml")) {
            return "junit";
        }
        if (f.endsWith(".json")) {
            return "json";
        }
        if (f.endsWith(".txt")) {
            return "text";
        }
        if (f.endsWith(".html") || f.endsWith(".htm")) {
            return "html";
        }
        return "sqlite";
    }
}
