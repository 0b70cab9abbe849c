package salvo.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import salvo.error.SalvoError;

/** The command adapter's options of {@code salvo run}, added by the command line as a picocli mixin. */
public final class CommandOptions {
    @Option(names = "--command", paramLabel = "NAME=CMD",
            description = "Also run CMD (a /bin/sh -c line) as the test unit NAME; repeatable. "
                    + "Runs whatever PATHs are given.")
    List<String> commands = new ArrayList<>();

    public CommandOptions() {}

    /** Options as if given on the command line, one {@code NAME=CMD} each (for tests and embedding). */
    public static CommandOptions of(String... commands) {
        CommandOptions options = new CommandOptions();
        options.commands.addAll(List.of(commands));
        return options;
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** The {@code --command} entries as commands run with {@code /bin/sh -c} in {@code cwd}. */
    List<CommandSpec> adHoc(Path cwd) {
        List<CommandSpec> specs = new ArrayList<>();
        for (String value : commands) {
            int eq = value.indexOf('=');
            if (eq < 0) {
                throw SalvoError.usage("--command '" + value + "': expected NAME=CMD, e.g. --command lint='ruff check .'");
            }
            String name = value.substring(0, eq).strip();
            String line = value.substring(eq + 1);
            if (name.isEmpty()) {
                throw SalvoError.usage("--command '" + value + "': the NAME before '=' is empty; name the unit, "
                        + "e.g. --command lint='ruff check .'");
            }
            if (!CommandSpec.NAME.matcher(name).matches()) {
                throw SalvoError.usage("--command '" + value + "': the name '" + name + "' is not valid; use "
                        + CommandSpec.NAME_RULE);
            }
            if (line.isBlank()) {
                throw SalvoError.usage("--command '" + value + "': nothing to run after '='; give a command line");
            }
            specs.add(new CommandSpec(name, new CommandSpec.Shell(line), cwd, Map.of(), Optional.empty(),
                    Optional.empty(), "--command " + value));
        }
        return specs;
    }
}
