package salvo.sequence.load;

import java.util.List;
import salvo.sequence.report.ExportSpec;

/**
 * Export lists checked at load (§6.2): an entry that is not a one-key mapping, or a format Salvo
 * has no exporter for, warns where it is written; at run time such an export is skipped.
 */
final class ExportChecks {
    private ExportChecks() {}

    static void check(YNode export, Diagnostics diagnostics, String where) {
        if (YNode.isNull(export)) {
            return;
        }
        List<YNode> entries = export instanceof YNode.Seq seq ? seq.items() : List.of(export);
        for (YNode entry : entries) {
            if (!(entry instanceof YNode.Map m) || m.entries().size() != 1) {
                diagnostics.warning(entry.mark(), "an export of " + where + " is a mapping with one format key "
                        + "({junit: {file_name: out.xml}}); this one will be skipped");
                continue;
            }
            YNode.Entry e = m.entries().get(0);
            if (!ExportSpec.FORMATS.contains(e.key())) {
                diagnostics.warning(e.keyMark(), "'" + e.key() + "' is not an export format of Salvo; it will be skipped "
                        + "(formats: " + String.join(", ", ExportSpec.FORMATS) + ")");
            }
        }
    }
}
