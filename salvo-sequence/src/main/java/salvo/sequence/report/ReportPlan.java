package salvo.sequence.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a run records a report, and what it exports at close (SEQUENCES.md §6): the root
 * {@code report:} section (unless {@code enabled: false}), or the command line's single export
 * (-t/-p/-n), which replaces the section's list.
 */
public record ReportPlan(boolean logStored, List<ExportSpec> exports) {
    /**
     * The command line's export: {@code -t FORMAT}, {@code -p PATH}, {@code -n FILE_NAME}, each
     * null when absent; {@code -p}/{@code -n} without {@code -t} infer the format (§9.17).
     */
    public record CliExport(String format, String path, String fileName) {
        public boolean given() {
            return format != null || path != null || fileName != null;
        }

        ExportSpec export() {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (path != null) {
                fields.put("path", path);
            }
            if (fileName != null) {
                fields.put("file_name", fileName);
            }
            String f = format != null ? format : ExportSpec.inferFormat(fileName != null ? fileName : path);
            return new ExportSpec(f, fields, true);
        }
    }

    public ReportPlan {
        exports = List.copyOf(exports);
    }

    /** The plan of a run, or null when it records no report. */
    public static ReportPlan of(Object section, CliExport override) {
        Map<?, ?> root = section instanceof Map<?, ?> m ? m : null;
        boolean enabled = root != null && !Boolean.FALSE.equals(root.get("enabled"));
        boolean cli = override != null && override.given();
        if (!enabled && !cli) {
            return null;
        }
        boolean logStored = enabled && Boolean.TRUE.equals(root.get("log_stored"));
        List<ExportSpec> exports = cli ? List.of(override.export()) : ExportSpec.list(root.get("export"));
        return new ReportPlan(logStored, exports);
    }

    /** The first sqlite export: where the database lives (in memory without one). */
    public ExportSpec database() {
        return exports.stream().filter(e -> e.valid() && e.format().equals("sqlite")).findFirst().orElse(null);
    }
}
