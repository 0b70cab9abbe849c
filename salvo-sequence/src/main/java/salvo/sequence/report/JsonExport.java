package salvo.sequence.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import salvo.sequence.python.Json;

/**
 * The json export (§6.2): {@code {"header": {...}, "tests": [rows]}}, indented by 4, each row's
 * keys in column order except that data comes before level; from a report item,
 * {@code {"<name>": [rows]}}.
 */
final class JsonExport {
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private JsonExport() {}

    static String render(ExportInput in) {
        ArrayNode tests = Json.MAPPER.createArrayNode();
        in.rows().forEach(r -> tests.add(row(r)));
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (in.header() == null) {
            root.set(in.name(), tests);
        } else {
            ObjectNode header = root.putObject("header");
            in.header().forEach(header::put);
            root.set("tests", tests);
        }
        try {
            return Json.MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode row(ReportRow r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("timestamp_start", r.timestampStart());
        o.put("test_id", r.testId());
        if (r.parentId() == null) {
            o.putNull("parent_id");
        } else {
            o.put("parent_id", r.parentId());
        }
        o.set("data", data(r.data()));
        o.put("level", r.level());
        o.put("test_name", r.testName());
        o.put("test_type", r.testType());
        o.put("report_key", r.reportKey());
        o.put("result", r.result());
        o.put("message", r.message());
        o.put("duration", r.duration());
        o.put("log", r.log());
        return o;
    }

    private static JsonNode data(String text) {
        try {
            return text == null ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.getNodeFactory().textNode(text);
        }
    }
}
