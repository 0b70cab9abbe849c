package salvo.sequence.adapter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import salvo.adapter.Adapter;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.adapter.History;
import salvo.adapter.RunSettings;
import salvo.error.SalvoError;
import salvo.execute.Execution;
import salvo.execute.Executor;
import salvo.model.TestUnit;
import salvo.sequence.SeqCommand;

/**
 * .tum sequences as Salvo units: each file with a {@code main:} is one unit, run by the engine
 * in Salvo's own process on a worker slot (its Python helpers are processes of their own,
 * killed through the run's control); its items become the unit's result tree.
 */
public final class SequenceAdapter implements Adapter {
    public static final String ID = "sequence";
    static final String SLOT_PREFIX = "seq";

    @Override
    public String id() {
        return ID;
    }

    /** A .tum file named on the command line is a sequence: no other adapter can read it. */
    @Override
    public boolean claims(Path cwd, String path) {
        return path.endsWith(".tum") && java.nio.file.Files.isRegularFile(cwd.resolve(path));
    }

    @Override
    public Discovery discover(DiscoveryRequest request) {
        if (request.nothingNamedIsOurs()) {
            return Discovery.none(looking());
        }
        List<String> roots = request.pathsNamed() ? request.paths() : List.of(".");
        Set<Path> excluded = new LinkedHashSet<>();
        request.excludes().forEach(e -> excluded.add(request.cwd().resolve(e).toAbsolutePath().normalize()));
        Set<Path> files = new LinkedHashSet<>();
        for (String root : roots) {
            try {
                files.addAll(SequenceFiles.under(request.cwd().resolve(root).toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw SalvoError.usage(root + ": cannot look for .tum files (" + e.getMessage() + ")");
            }
        }
        List<TestUnit> units = new ArrayList<>();
        for (Path file : files) {
            if (excluded.stream().anyMatch(file::startsWith)) {
                continue;
            }
            units.add(new TestUnit(unitId(request.cwd(), file), file, ID));
        }
        return new Discovery(units, Optional.empty(), List.of(), looking());
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
        int slots = run.foreground() ? 1 : run.workers();
        return new Executor(new SequenceRunner(run), slots, SLOT_PREFIX);
    }

    @Override
    public java.util.Map<String, String> describe(RunSettings run) {
        return java.util.Map.of("sequence.engine", salvo.sequence.load.SequenceLoader.VERSION,
                "sequence.python", "python3 (python_bin of each sequence)");
    }

    @Override
    public List<Object> commands() {
        return List.of(new SeqCommand());
    }
}
