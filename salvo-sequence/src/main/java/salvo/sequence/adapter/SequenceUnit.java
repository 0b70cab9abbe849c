package salvo.sequence.adapter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.sequence.load.LoadOptions;

/**
 * One sequence as a unit of a run: a file found beside the tests, or an entry of salvo.yaml's
 * {@code sequences:} with what {@code salvo seq run -c/-d} would give it.
 *
 * @param id      the unit id: the file's path relative to the project, or {@code sequence:NAME} when listed with a name
 * @param name    the name it was listed with, which a PATH on the command line may name
 * @param configs absolute config files, replacing the file's own config_file (-c)
 * @param defines variables in order (-d NAME=VALUE)
 */
record SequenceUnit(String id, Path file, Optional<String> name, List<Path> configs,
                    List<Map.Entry<String, String>> defines) {
    /** The prefix of a named unit's id: a relative file path never starts like this. */
    static final String NAMED_PREFIX = "sequence:";

    SequenceUnit {
        configs = List.copyOf(configs);
        defines = List.copyOf(defines);
    }

    /** A file found by discovery: run as {@code salvo seq run FILE} would run it. */
    static SequenceUnit found(String id, Path file) {
        return new SequenceUnit(id, file, Optional.empty(), List.of(), List.of());
    }

    /** True when {@code path}, as typed on the command line, is this unit's name or its named id. */
    boolean namedBy(String path) {
        return name.isPresent() && (path.equals(name.get()) || path.equals(id));
    }

    LoadOptions options(Path cwd) {
        return new LoadOptions(file, cwd, configs, defines);
    }
}
