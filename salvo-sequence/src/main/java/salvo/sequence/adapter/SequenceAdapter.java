package salvo.sequence.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import salvo.sequence.SeqCommand;
import salvo.sequence.load.LoadOptions;

/**
 * .tum sequences as Salvo units: each file with a {@code main:} is one unit, run by the engine
 * in Salvo's own process on a worker slot (its Python helpers are processes of their own,
 * killed through the run's control); its items become the unit's result tree.
 *
 * <p>Units come from discovery and from salvo.yaml's {@code sequences:} ({@link ProjectSequences}).
 * A listed file runs only as it is listed (with its name, configs and defines, as often as it is
 * listed); files nobody listed are still discovered, as test files are. A path on the command line
 * selects the listed units named by it (NAME or sequence:NAME) and those of the files found under it.
 */
public final class SequenceAdapter implements Adapter {
    public static final String ID = "sequence";
    static final String SLOT_PREFIX = "seq";

    private final Discovered<SequenceUnit> discovered = new Discovered<>(ID);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> projectSections() {
        return Set.of(ProjectSequences.SECTION);
    }

    /** A .tum file named on the command line, or a listed sequence's name, is ours: no other adapter can read it. */
    @Override
    public boolean claims(Path cwd, String path) {
        if (path.endsWith(".tum") && Files.isRegularFile(cwd.resolve(path))) {
            return true;
        }
        try {
            return ProjectSequences.read(cwd).stream().anyMatch(u -> u.namedBy(path));
        } catch (SalvoError broken) {
            return false; // discovery reports a broken salvo.yaml with its place
        }
    }

    @Override
    public Discovery discover(DiscoveryRequest request) {
        List<SequenceUnit> listed = ProjectSequences.read(request.cwd());
        if (request.nothingNamedIsOurs()) {
            discovered.replace(List.of(), SequenceUnit::id);
            return Discovery.none(looking());
        }
        Set<Path> found = found(request);
        Set<Path> listedFiles = new LinkedHashSet<>();
        listed.forEach(u -> listedFiles.add(u.file()));
        Excludes excludes = new Excludes(request.cwd(), request.excludes());
        List<SequenceUnit> chosen = new ArrayList<>();
        for (SequenceUnit unit : listed) {
            boolean named = !request.pathsNamed() || found.contains(unit.file())
                    || request.paths().stream().anyMatch(unit::namedBy);
            if (named && !excludes.leaveOut(unit)) {
                chosen.add(unit);
            }
        }
        for (Path file : found) {
            SequenceUnit unit = SequenceUnit.found(unitId(request.cwd(), file), file);
            if (!listedFiles.contains(file) && !excludes.leaveOut(unit)) {
                chosen.add(unit);
            }
        }
        discovered.replace(chosen, SequenceUnit::id);
        List<TestUnit> units = chosen.stream().map(u -> new TestUnit(u.id(), u.file(), ID)).toList();
        return new Discovery(units, Optional.empty(), List.of(), looking());
    }

    /** The sequence files under the paths the user named, or under the project when none. */
    private static Set<Path> found(DiscoveryRequest request) {
        List<String> roots = request.pathsNamed() ? request.paths() : List.of(".");
        Set<Path> files = new LinkedHashSet<>();
        for (String root : roots) {
            try {
                files.addAll(SequenceFiles.under(request.cwd().resolve(root).toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw SalvoError.usage(root + ": cannot look for .tum files (" + e.getMessage() + ")");
            }
        }
        return files;
    }

    /** --exclude: a path leaves out the sequences under it; a name or unit id leaves out that unit. */
    private record Excludes(Set<Path> paths, Set<String> names) {
        Excludes(Path cwd, List<String> excludes) {
            this(excludes.stream().map(e -> cwd.resolve(e).toAbsolutePath().normalize())
                    .collect(Collectors.toSet()), Set.copyOf(excludes));
        }

        boolean leaveOut(SequenceUnit unit) {
            return paths.stream().anyMatch(unit.file()::startsWith) || names.stream().anyMatch(unit::namedBy);
        }
    }

    private static String looking() {
        return "*.tum sequence files with a main: item";
    }

    static String unitId(Path cwd, Path file) {
        Path abs = cwd.toAbsolutePath().normalize();
        Path rel = file.startsWith(abs) ? abs.relativize(file) : file;
        return rel.toString().replace('\\', '/');
    }

    @Override
    public Execution prepare(RunSettings run, List<TestUnit> units, Supplier<History> history) {
        // A sequence runs on a thread of Salvo and its helpers are processes of their own:
        // every isolation mode is as good as honoured, since no two sequences share a helper.
        Map<String, LoadOptions> options = new LinkedHashMap<>();
        discovered.of(units).forEach((id, sequence) -> options.put(id, sequence.options(run.cwd())));
        int slots = run.foreground() ? 1 : run.workers();
        return new Executor(new SequenceRunner(run, options), slots, SLOT_PREFIX);
    }

    @Override
    public Map<String, String> describe(RunSettings run) {
        return Map.of("sequence.engine", salvo.sequence.load.SequenceLoader.VERSION,
                "sequence.python", "python3 (python_bin of each sequence)");
    }

    @Override
    public List<Object> commands() {
        return List.of(new SeqCommand());
    }
}
