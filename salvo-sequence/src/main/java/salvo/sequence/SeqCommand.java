package salvo.sequence;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import salvo.error.SalvoError;
import salvo.execute.RunControl;
import salvo.sequence.engine.Operator;
import salvo.sequence.engine.Rows;
import salvo.sequence.engine.Verdict;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Diagnostic;
import salvo.sequence.load.LoadOptions;
import salvo.sequence.load.Loaded;
import salvo.sequence.lua.LuaHelper;
import salvo.sequence.operator.TerminalOperator;
import salvo.sequence.report.ReportPlan;

/** {@code salvo seq}: check and run .tum sequences. */
@Command(name = "seq", description = "YAML test sequences (.tum files): check and run them.",
        mixinStandardHelpOptions = true, subcommands = {SeqCommand.Check.class, SeqCommand.Run.class})
public final class SeqCommand implements Runnable {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int STOPPED = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What check and run share: the file, -c and -d. */
    static final class Inputs {
        @Parameters(index = "0", paramLabel = "FILE.tum", description = "the sequence")
        Path file;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "config files, replacing the file's own "
                + "config_file (repeatable)")
        List<Path> configs = new ArrayList<>();

        @Option(names = {"-d", "--define"}, paramLabel = "NAME[=VALUE]", description = "set a variable (a Python literal, "
                + "else text; NAME alone is True); wins over config files (repeatable)")
        List<String> defines = new ArrayList<>();

        @Option(names = {"-i", "--python-path"}, paramLabel = "DIR", description = "add DIR to the PYTHONPATH of the "
                + "sequence's Python (repeatable)")
        List<Path> pythonPath = new ArrayList<>();

        LoadOptions options() {
            List<Map.Entry<String, String>> parsed = new ArrayList<>();
            for (String d : defines) {
                int eq = d.indexOf('=');
                String name = eq < 0 ? d : d.substring(0, eq);
                if (!LoadOptions.VARIABLE.matcher(name).matches()) {
                    throw SalvoError.usage("-d " + d + ": '" + name + "' is not a variable name; use -d NAME=VALUE");
                }
                parsed.add(new AbstractMap.SimpleEntry<>(name, eq < 0 ? null : d.substring(eq + 1)));
            }
            Path cwd = Path.of("").toAbsolutePath();
            return new LoadOptions(cwd.resolve(file), cwd, configs, parsed, pythonPath);
        }
    }

    /** Prints what a load found; true when it may run. */
    static boolean report(Loaded loaded, PrintWriter err) {
        for (Diagnostic d : loaded.diagnostics()) {
            err.println(d.format());
        }
        long errors = loaded.diagnostics().stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            err.println("salvo: " + loaded.file() + ": " + errors + " error(s); nothing was run");
        }
        err.flush();
        return loaded.ok();
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load and validate a sequence (includes, templates, configs, items, expressions); run nothing.")
    static final class Check implements Callable<Integer> {
        @Mixin
        Inputs inputs;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (SequenceSession session = new SequenceSession(inputs.options(), new RunControl())) {
                Loaded loaded = session.load();
                if (!report(loaded, spec.commandLine().getErr())) {
                    return SalvoError.USAGE;
                }
                String luaBin = luaBin(session);
                if (LuaHelper.needed(loaded.main())
                        && LuaHelper.interpreter(luaBin).isEmpty()) {
                    spec.commandLine().getErr().println(loaded.main().mark() + ": warning: its lua_func items will fail: "
                            + LuaHelper.missing(luaBin));
                }
                spec.commandLine().getOut().println(loaded.file() + ": ok");
                return PASSED;
            }
        }
    }

    private static String luaBin(SequenceSession session) {
        Object bin = session.dictionary().get("lua_bin");
        return bin == null ? null : PyRepr.str(bin);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Check a sequence, then run it. Exit 0 passed, 1 failed, 2 stopped, 4 load error.")
    static final class Run implements Callable<Integer> {
        @Mixin
        Inputs inputs;

        @Option(names = {"-b", "--batch"}, description = "no operator: dialogs answer from auto_result "
                + "(also when stdin or stdout is not a terminal)")
        boolean batch;

        @Option(names = {"-l", "--log"}, paramLabel = "FILE", description = "also write the log to FILE")
        Path logFile;

        @Option(names = {"-o", "--no-colour", "--no-color"}, description = "no colours (also with NO_COLOR or no terminal)")
        boolean noColour;

        @Option(names = {"-t", "--report-type"}, paramLabel = "FORMAT", description = "record a report and export it "
                + "once in FORMAT (sqlite, junit, json, text, html), replacing the file's export list")
        String reportType;

        @Option(names = {"-p", "--report-path"}, paramLabel = "PATH", description = "the single export's path "
                + "(its format from the extension without -t; sqlite by default)")
        String reportPath;

        @Option(names = {"-n", "--report-name"}, paramLabel = "FILE_NAME", description = "the single export's "
                + "file name, joined to -p")
        String reportName;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            RunControl control = new RunControl();
            try (SequenceSession session = new SequenceSession(inputs.options(), control)) {
                Loaded loaded = session.load();
                if (!report(loaded, spec.commandLine().getErr())) {
                    return SalvoError.USAGE;
                }
                PrintWriter out = spec.commandLine().getOut();
                boolean colour = ConsoleLog.colourWanted(noColour);
                Optional<TerminalOperator> operator = batch ? Optional.empty()
                        : TerminalOperator.open(loaded.main(), session.dictionary()::snapshot, session::stop, colour, out,
                                why -> spec.commandLine().getErr().println("salvo: no operator view (" + why
                                        + "): running in batch mode, dialogs answer from auto_result"));
                // The operator's screen is the terminal: the live log goes only to -l then.
                PrintWriter live = operator.isPresent() ? new PrintWriter(Writer.nullWriter()) : out;
                try (ConsoleLog log = new ConsoleLog(live, colour, logFile)) {
                    Interrupts.onInterrupt(session::stop);
                    Verdict verdict;
                    try {
                        verdict = session.run(operator.map(TerminalOperator::operator).orElseGet(Operator::batch),
                                operator.map(o -> o.log(log)).orElse(log), Rows.NONE,
                                new ReportPlan.CliExport(reportType, reportPath, reportName));
                        operator.ifPresent(o -> o.runFinished(verdict));
                    } finally {
                        // The terminal comes back whatever happened, an exception included.
                        operator.ifPresent(TerminalOperator::close);
                    }
                    if (operator.isPresent()) {
                        out.println(verdict == Verdict.PASS ? "Test run success." : "Test run failed.");
                    }
                    if (session.stopped()) {
                        return STOPPED;
                    }
                    return verdict == Verdict.PASS ? PASSED : FAILED;
                }
            }
        }
    }
}
