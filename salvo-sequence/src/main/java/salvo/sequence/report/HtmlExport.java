package salvo.sequence.report;

import java.util.Locale;

/** The html export (§6.2): "Test conditions" (the header), the results table, then "Logs". */
final class HtmlExport {
    private HtmlExport() {}

    static String render(ExportInput in) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Markup.escape(in.name())).append("</title>\n<style>body{font-family:sans-serif}"
                        + "td,th{border:1px solid #ccc;padding:2px 6px}.PASS{color:green}.FAIL{color:red}.SKIP{color:gray}"
                        + "</style></head><body>\n<h1>").append(Markup.escape(in.name())).append("</h1>\n");
        if (in.header() != null) {
            h.append("<h2>Test conditions</h2>\n<table>\n");
            in.header().forEach((k, v) -> h.append("<tr><th>").append(Markup.escape(k)).append("</th><td>")
                    .append(Markup.escape(v)).append("</td></tr>\n"));
            h.append("</table>\n");
        }
        h.append("<h2>Results</h2>\n<table>\n<tr><th>test</th><th>type</th><th>result</th><th>message</th>"
                + "<th>duration (s)</th></tr>\n");
        for (ReportRow r : in.rows()) {
            h.append("<tr><td style=\"padding-left:").append(6 + 16 * r.level()).append("px\">")
                    .append(Markup.escape(r.testName())).append("</td><td>").append(Markup.escape(r.testType()))
                    .append("</td><td class=\"").append(Markup.escape(r.result())).append("\">")
                    .append(Markup.escape(r.result())).append("</td><td>").append(Markup.escape(r.message()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.3f", ExportInput.seconds(r.duration())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Logs</h2>\n");
        for (ReportRow r : in.rows()) {
            if (r.log() != null && !r.log().isEmpty()) {
                h.append("<h3>").append(Markup.escape(r.testName())).append("</h3>\n<pre>").append(Markup.escape(r.log()))
                        .append("</pre>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }
}
