package salvo.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import salvo.error.SalvoError;
import salvo.report.Comparison;
import salvo.report.ComparisonText;
import salvo.store.RunSummary;
import salvo.store.SqliteStore;

/** `salvo compare [A] [B]`: what changed between two stored runs, per file and per test. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Show what changed between two runs (default: the last two), per file and per test.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "A", description = "The older run's number (see `salvo history`).")
    Long older;

    @Parameters(index = "1", arity = "0..1", paramLabel = "B", description = "The newer run's number (default: the latest).")
    Long newer;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (SqliteStore s = store.open()) {
            List<RunSummary> recent = s.recent(2);
            long b = newer != null ? newer : recent.isEmpty() ? 0 : recent.get(0).id();
            long a;
            if (older != null) {
                a = older;
            } else if (recent.size() < 2) {
                throw SalvoError.usage("compare needs two stored runs and there is " + recent.size()
                        + ": run `salvo run` again, or name two runs");
            } else {
                a = recent.get(1).id();
            }
            System.out.print(ComparisonText.render(Comparison.between(StoreOption.load(s, a), StoreOption.load(s, b))));
            return ExitCode.PASSED;
        }
    }
}
