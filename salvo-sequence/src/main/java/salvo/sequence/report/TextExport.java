package salvo.sequence.report;

/**
 * The text export (§6.2): a dotted line per PASS or FAIL row, indented by a bar per level,
 * then the overall status.
 */
final class TextExport {
    static final int WIDTH = 80;

    private TextExport() {}

    static String render(ExportInput in) {
        StringBuilder b = new StringBuilder();
        for (ReportRow r : in.rows()) {
            if ("PASS".equals(r.result()) || "FAIL".equals(r.result())) {
                b.append(dotted("| ".repeat(Math.max(0, r.level())) + label(r), r.result()));
            }
        }
        return b.append(dotted("Overall test status", in.overall())).toString();
    }

    private static String label(ReportRow r) {
        return r.testName() == null || r.testName().isEmpty() ? r.testType() : r.testName();
    }

    private static String dotted(String left, String right) {
        int dots = Math.max(3, WIDTH - left.length() - right.length() - 2);
        return left + " " + ".".repeat(dots) + " " + right + "\n";
    }
}
