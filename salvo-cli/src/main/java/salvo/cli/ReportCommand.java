package salvo.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import salvo.error.SalvoError;
import salvo.model.RunRecord;
import salvo.report.Comparison;
import salvo.report.JUnitXmlReport;
import salvo.report.MarkdownReport;
import salvo.report.ReportFile;
import salvo.store.RunSummary;
import salvo.store.SqliteStore;

/** `salvo report`: a Markdown report of a stored run (and JUnit XML on request). Never re-runs anything. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a Markdown report of the last (or a given) run to <store>/reports/test_report_<timestamp>.md.")
final class ReportCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneId.systemDefault());

    @Option(names = "--run", paramLabel = "N", description = "The run's number (default: the latest).")
    Long run;

    @Option(names = "--junit-xml", paramLabel = "PATH", description = "Also write the run as JUnit XML here.")
    Path junitXml;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (SqliteStore s = store.open()) {
            RunRecord record = run != null ? StoreOption.load(s, run)
                    : s.latest().orElseThrow(() -> SalvoError.usage("no runs stored yet: run `salvo run` first"));
            Optional<Comparison> previous = s.recent(50).stream().map(RunSummary::id).filter(id -> id < record.id())
                    .findFirst().flatMap(s::load).map(p -> Comparison.between(p, record));
            Path target = store.dir.toAbsolutePath().resolve("reports")
                    .resolve("test_report_" + STAMP.format(record.info().started()) + ".md");
            ReportFile.write(target, MarkdownReport.render(record, previous));
            System.out.println("report: " + target);
            if (junitXml != null) {
                ReportFile.write(junitXml, JUnitXmlReport.render(record));
                System.out.println("junit xml: " + junitXml);
            }
            return ExitCode.PASSED;
        }
    }
}
