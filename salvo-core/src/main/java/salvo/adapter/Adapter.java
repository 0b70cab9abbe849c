package salvo.adapter;

import java.util.List;
import salvo.execute.Execution;
import salvo.model.TestUnit;

/**
 * One kind of test (Python test files, commands, sequences, ...), found with {@link java.util.ServiceLoader}:
 * it discovers units, and carries them out with the core's parts (a process per unit, or
 * persistent workers fed by the coordinator), naming their results in the tree. The core and
 * the command line know no adapter by name; JUnit Platform's TestEngine is the model.
 *
 * <p>Discovery and execution are two phases: {@link #discover} only looks; {@link #prepare} may
 * start workers, and everything it starts is ended by the execution it returns or by the run's
 * control.
 */
public interface Adapter {

    /** Short, stable and lower case ("command"): stored with every unit it runs. */
    String id();

    /**
     * This adapter's own options for {@code salvo run}: an object whose fields carry picocli's
     * {@code @Option} annotations, added to the command as a mixin; null when it has none.
     * The same instance is then read by {@link #discover} and {@link #prepare}.
     */
    default Object options() {
        return null;
    }

    /**
     * True when {@code path}, as the user typed it, is this adapter's alone: a unit named by a name
     * rather than a file (a command's name), or a file only it reads (a .tum sequence). Such a
     * path goes to this adapter only. Paths no adapter claims go to every adapter that reads files.
     */
    default boolean claims(java.nio.file.Path cwd, String path) {
        return false;
    }

    /**
     * The top-level sections of salvo.yaml this adapter reads ("commands"), through
     * {@link salvo.project.ProjectFile}; a key no adapter present names is refused. None by default.
     */
    default java.util.Set<String> projectSections() {
        return java.util.Set.of();
    }

    /** The units this adapter finds; none when the project has nothing of its kind. Bad input throws SalvoError. */
    Discovery discover(DiscoveryRequest request);

    /**
     * How its units (a non-empty part of this run's plan) will run. Checks its options against
     * the run's first and throws SalvoError on a conflict, before anything starts. The history
     * is read on first use, so workers can start while the store is still opening.
     */
    Execution prepare(RunSettings run, List<TestUnit> units, java.util.function.Supplier<History> history);

    /**
     * Commands of this adapter's own under {@code salvo} ({@code salvo seq check}): objects
     * carrying picocli's {@code @Command}, added as subcommands by name; none by default.
     */
    default List<Object> commands() {
        return List.of();
    }

    /** What {@code salvo run -l} prints for its units: one line per unit, and its tests when asked. */
    default Listing list(List<TestUnit> units, boolean withTests, RunSettings run) {
        return new Listing(units.stream().map(TestUnit::id).toList(), -1, false);
    }

    /** The settings of this adapter to keep with the run, for audit ("python_version" and the like). */
    default java.util.Map<String, String> describe(RunSettings run) {
        return java.util.Map.of();
    }
}
