package salvo.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import salvo.adapter.Adapter;
import salvo.adapter.Adapters;
import salvo.bundle.SqliteNative;
import salvo.error.SalvoError;

/** The `salvo` command. Errors a user can act on are one line on stderr and an exit status, never a stack trace. */
@Command(name = "salvo", mixinStandardHelpOptions = true, version = "salvo 0.1.0",
        description = "Runs test suites fast, in parallel, isolated, and remembers every run.",
        subcommands = {ReportCommand.class, CompareCommand.class, HistoryCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        SqliteNative.useCachedCopy();
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        // `salvo run ... -- ARGS`: everything after the first "--" belongs to the adapters, unchanged.
        List<String> all = Arrays.asList(args);
        int split = all.size() > 0 && List.of("run", "watch").contains(all.get(0)) ? all.indexOf("--") : -1;
        List<String> own = split < 0 ? all : all.subList(0, split);
        List<String> passThrough = split < 0 ? List.of() : all.subList(split + 1, all.size());
        CommandLine cli = new CommandLine(new Main());
        Adapters adapters = Adapters.load();
        cli.addSubcommand("run", runCommand(adapters, passThrough, false));
        cli.addSubcommand("watch", runCommand(adapters, passThrough, true));
        adapters.all().forEach(a -> a.commands().forEach(cli::addSubcommand));
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("salvo: " + e.getMessage() + " (see: " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            return ExitCode.USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            Throwable cause = e;
            if (cause instanceof SalvoError error) {
                c.getErr().println("salvo: " + error.getMessage());
                return error.exitCode();
            }
            c.getErr().println("salvo: internal error: " + cause + " (please report it with the trace below)");
            cause.printStackTrace(c.getErr());
            return ExitCode.INTERNAL_ERROR;
        });
        return cli.execute(own.toArray(String[]::new));
    }

    /** `salvo run` (or `salvo watch`, which is `run -f`), with each adapter's own options added as a mixin. */
    private static CommandLine runCommand(Adapters adapters, List<String> passThrough, boolean watch) {
        CommandLine run = new CommandLine(new RunCommand(adapters, passThrough, watch));
        if (watch) {
            run.getCommandSpec().name("watch").usageMessage().description("Run, then again on every change, as run -f: what failed "
                    + "until it passes, then everything; until Ctrl-C.");
        }
        for (Adapter adapter : adapters.all()) {
            if (adapter.options() != null) {
                run.addMixin(adapter.id(), adapter.options());
            }
        }
        return run;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
