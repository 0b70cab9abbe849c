package salvo.sequence.report;

import java.util.Locale;

/**
 * The junit export (§6.2): one testsuite named after the report, a testcase per row
 * (containers too), time in seconds, the log (else the message) as system-out.
 */
final class JunitExport {
    private JunitExport() {}

    static String render(ExportInput in) {
        long failures = in.rows().stream().filter(r -> "FAIL".equals(r.result())).count();
        long skipped = in.rows().stream().filter(r -> "SKIP".equals(r.result())).count();
        long total = in.rows().stream().filter(r -> r.parentId() == null).mapToLong(ReportRow::duration).sum();
        if (total == 0) {
            total = in.rows().stream().mapToLong(ReportRow::duration).max().orElse(0);
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(Markup.escape(in.name())).append("\" tests=\"").append(in.rows().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(time(total)).append("\" hostname=\"").append(Markup.escape(in.hostname()))
                .append("\"");
        if (in.header() != null && in.header().get("testrun_date") != null) {
            x.append(" timestamp=\"").append(Markup.escape(in.header().get("testrun_date") + "T"
                    + in.header().getOrDefault("testrun_time", "00:00:00"))).append("\"");
        }
        x.append(">\n");
        for (ReportRow r : in.rows()) {
            x.append("  <testcase name=\"").append(Markup.escape(r.testName())).append("\" classname=\"")
                    .append(Markup.escape(r.testType())).append("\" time=\"").append(time(r.duration())).append("\">\n");
            if ("FAIL".equals(r.result())) {
                String message = r.message() == null || r.message().isEmpty() || r.message().equals("FAIL")
                        ? "test failure" : r.message();
                x.append("    <failure message=\"").append(Markup.escape(message)).append("\">")
                        .append(Markup.escape(message)).append("</failure>\n");
            } else if ("SKIP".equals(r.result())) {
                x.append("    <skipped message=\"").append(Markup.escape(r.message())).append("\"/>\n");
            }
            String out = r.log() != null && !r.log().isEmpty() ? r.log() : r.message();
            x.append("    <system-out>").append(Markup.escape(out)).append("</system-out>\n");
            x.append("  </testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String time(long ticks) {
        return String.format(Locale.ROOT, "%.4f", ExportInput.seconds(ticks));
    }
}
