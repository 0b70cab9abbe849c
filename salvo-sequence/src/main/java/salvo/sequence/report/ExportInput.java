package salvo.sequence.report;

import java.util.List;
import java.util.Map;

/**
 * What one export renders: the report's name, its header rows (null from a report item, which
 * exports without a header, §3.15), the rows it kept, and the host for JUnit.
 */
public record ExportInput(String name, Map<String, String> header, List<ReportRow> rows, String hostname) {
    public ExportInput {
        rows = List.copyOf(rows);
    }

    /** The run's result: the header's test_result, else FAIL iff a row failed. */
    public String overall() {
        if (header != null && header.get("test_result") != null) {
            return header.get("test_result");
        }
        return rows.stream().anyMatch(r -> "FAIL".equals(r.result())) ? "FAIL" : "PASS";
    }

    static double seconds(long ticks) {
        return ticks / 10_000.0;
    }
}
