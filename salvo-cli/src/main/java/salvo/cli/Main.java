package salvo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import salvo.adapter.Adapter;
import salvo.adapter.Adapters;
import salvo.bundle.SqliteNative;
import salvo.error.SalvoError;

/** The `salvo` command. Errors a user can act on are one line on stderr and an exit status, never a stack trace. */
@Command(name = "salvo", mixinStandardHelpOptions = true, version = "salvo 0.1.0",
        description = "Runs test suites fast, in parallel, isolated, and remembers every run.")
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        SqliteNative.useCachedCopyInBackground();
        int status = execute(args);
        keepClassList(status);
        System.exit(status);
    }

    /**
     * The launcher has the first `salvo run` of a build list the classes it loads (into
     * {@code salvo.classes.listed}), for the class archive its next start makes. Only a run that
     * went to its end (passed or failed) loaded them all: its list is kept, under the name the
     * launcher looks for ({@code salvo.classes.kept}); any other is left for the launcher to remove.
     */
    private static void keepClassList(int status) {
        String listed = System.getProperty("salvo.classes.listed");
        String kept = System.getProperty("salvo.classes.kept");
        if (listed == null || kept == null || (status != ExitCode.PASSED && status != ExitCode.FAILED)) {
            return;
        }
        try {
            Files.move(Path.of(listed), Path.of(kept), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // No archive for this build yet: a later run lists again.
        }
    }

    public static int execute(String... args) {
        // `salvo run ... -- ARGS`: everything after the first "--" belongs to the adapters, unchanged.
        List<String> all = Arrays.asList(args);
        int split = all.size() > 0 && List.of("run", "watch").contains(all.get(0)) ? all.indexOf("--") : -1;
        List<String> own = split < 0 ? all : all.subList(0, split);
        List<String> passThrough = split < 0 ? List.of() : all.subList(split + 1, all.size());
        CommandLine cli = new CommandLine(new Main());
        Adapters adapters = Adapters.load();
        // picocli reads a command's whole model when it is added (a tenth of a second for all of
        // them, on every start): only the command typed is built, all of them when none is.
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("report", ReportCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("history", HistoryCommand::new);
        commands.put("run", () -> runCommand(adapters, passThrough, false));
        commands.put("watch", () -> runCommand(adapters, passThrough, true));
        adapters.all().forEach(a -> a.commands().forEach(c -> {
            String name = c.getClass().getAnnotation(Command.class).name();
            if (commands.putIfAbsent(name, () -> c) != null) {
                throw new IllegalStateException("two commands are named " + name + ", one of them " + c.getClass());
            }
        }));
        String typed = own.isEmpty() ? "" : own.get(0);
        Map<String, Supplier<Object>> built = commands.containsKey(typed) ? Map.of(typed, commands.get(typed)) : commands;
        built.forEach((name, command) -> cli.addSubcommand(name, command.get()));
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
        spec.commandLine().usage(System.out);
    }
}
