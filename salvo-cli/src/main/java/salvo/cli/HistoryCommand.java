package salvo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import salvo.cli.console.Terminal;
import salvo.error.SalvoError;
import salvo.report.HistoryText;
import salvo.report.HistoryView;
import salvo.store.SqliteStore;

/** `salvo history [-n N]`: the last runs, their totals, a pass/fail trend, and files that flip. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the last runs with their totals, a pass/fail trend, and files that flip between pass and fail.")
final class HistoryCommand implements Callable<Integer> {
    @Option(names = {"-n", "--number"}, paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int number;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (number < 1) {
            throw SalvoError.usage("-n " + number + ": must be 1 or more");
        }
        try (SqliteStore s = store.open()) {
            System.out.print(HistoryText.render(HistoryView.of(s.recent(number)), Terminal.isInteractive()));
            return ExitCode.PASSED;
        }
    }
}
