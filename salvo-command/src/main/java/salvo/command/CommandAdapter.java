package salvo.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import salvo.adapter.Adapter;
import salvo.adapter.Discovered;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.adapter.History;
import salvo.adapter.RunSettings;
import salvo.error.SalvoError;
import salvo.execute.Execution;
import salvo.execute.Executor;
import salvo.model.TestUnit;

/**
 * Any executable as a test unit: the {@code commands:} of salvo.yaml and each
 * {@code --command NAME=CMD}, one process per unit, passed on exit 0.
 *
 * <p>A unit's id is {@code command:NAME}; a file path never looks like that, so commands and
 * other adapters' units cannot collide. The commands of salvo.yaml run when the user named no
 * PATH; when PATHs are named, only those whose name (or unit id) is one of them. The
 * {@code --command} ones always run. A PATH that names no command is left to the other adapters.
 */
public final class CommandAdapter implements Adapter {
    public static final String ID = "command";
    /** Slot names of its workers: cmd1..N. */
    static final String SLOT_PREFIX = "cmd";

    private final CommandOptions options;
    private final Discovered<CommandSpec> discovered = new Discovered<>(ID);

    public CommandAdapter() {
        this(new CommandOptions());
    }

    public CommandAdapter(CommandOptions options) {
        this.options = options;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Set<String> projectSections() {
        return Set.of(ProjectCommands.SECTION);
    }

    @Override
    public Discovery discover(DiscoveryRequest request) {
        List<CommandSpec> project = ProjectCommands.read(request.cwd());
        List<CommandSpec> adHoc = options.adHoc(request.cwd());
        Set<String> paths = Set.copyOf(request.paths());
        Set<String> excludes = Set.copyOf(request.excludes());
        List<CommandSpec> chosen = new ArrayList<>();
        for (CommandSpec spec : project) {
            boolean named = !request.pathsNamed() || paths.contains(spec.name()) || paths.contains(spec.unitId());
            boolean excluded = excludes.contains(spec.name()) || excludes.contains(spec.unitId());
            if (named && !excluded) {
                chosen.add(spec);
            }
        }
        Map<String, CommandSpec> byName = new LinkedHashMap<>();
        project.forEach(s -> byName.put(s.name(), s));
        for (CommandSpec spec : adHoc) {
            CommandSpec earlier = byName.putIfAbsent(spec.name(), spec);
            if (earlier != null) {
                throw SalvoError.usage(spec.origin() + ": a command named " + spec.name() + " is already declared at "
                        + earlier.origin() + "; give this one another name");
            }
            chosen.add(spec);
        }
        // Everything a run needs of a command is checked now, before any adapter starts anything.
        chosen.forEach(Programs::check);
        discovered.replace(chosen, CommandSpec::unitId);
        List<TestUnit> units = chosen.stream().map(s -> new TestUnit(s.unitId(), s.cwd(), ID)).toList();
        Optional<java.nio.file.Path> root = project.isEmpty() ? Optional.empty() : Optional.of(request.cwd());
        return new Discovery(units, root, List.of(), "commands in " + salvo.project.ProjectFile.NAME + " or --command NAME=CMD");
    }

    @Override
    public Execution prepare(RunSettings run, List<TestUnit> units, java.util.function.Supplier<History> history) {
        Map<String, CommandSpec> specs = discovered.of(units);
        // A command is its own process, so it is as isolated as any isolation mode asks: every mode is honoured.
        // --serve -w 0 leaves the workers to those that join; commands still run here, one at a time.
        int slots = run.foreground() ? 1 : Math.max(1, run.workers());
        return new Executor(new CommandRunner(specs, run), slots, SLOT_PREFIX);
    }

    @Override
    public salvo.adapter.Listing list(List<TestUnit> units, boolean withTests, RunSettings run) {
        return new salvo.adapter.Listing(units.stream().map(u -> {
            return discovered.find(u.id()).map(spec -> u.id() + "  " + spec.run().text()).orElse(u.id());
        }).toList(), -1, false);
    }

    /** A path that names a command of salvo.yaml (NAME or command:NAME) is this adapter's alone. */
    @Override
    public boolean claims(java.nio.file.Path cwd, String path) {
        try {
            return ProjectCommands.read(cwd).stream()
                    .anyMatch(s -> s.name().equals(path) || s.unitId().equals(path));
        } catch (SalvoError broken) {
            return false; // discovery reports a broken salvo.yaml with its place
        }
    }

    @Override
    public Map<String, String> describe(RunSettings run) {
        Map<String, String> settings = new LinkedHashMap<>();
        discovered.all().forEach(s -> settings.put("command." + s.name(), s.run().text()));
        return settings;
    }
}
