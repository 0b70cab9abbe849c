package salvo.sequence.adapter;

import static salvo.project.Nodes.error;
import static salvo.project.Nodes.mapping;
import static salvo.project.Nodes.place;
import static salvo.project.Nodes.string;
import static salvo.project.Nodes.what;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import salvo.project.EntryName;
import salvo.project.Nodes;
import salvo.project.ProjectFile;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.LoadOptions;

/**
 * Reads the {@code sequences:} section of a project's salvo.yaml ({@link ProjectFile}): each
 * entry a path or glob relative to the project, or a mapping that also gives the run's name,
 * config files and defines, as {@code salvo seq run -c/-d} would. Every mistake is one line at
 * its place, found before anything runs.
 *
 * <pre>
 * sequences:
 *   - checks/*.tum
 *   - path: checks/supply.tum
 *     name: supply-hot
 *     config: [boards/hot.yaml]
 *     define: {temperature: 85, label: hot}
 * </pre>
 */
final class ProjectSequences {
    static final String SECTION = "sequences";
    private static final List<String> ENTRY_KEYS = List.of("path", "name", "config", "define");

    private final Path dir;
    /** Where each unit id was listed, to refuse a second listing under the same id. */
    private final Map<String, Node> listedAt = new LinkedHashMap<>();

    private ProjectSequences(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The sequences listed in {@code dir}/salvo.yaml, in file order; none when it lists none. */
    static List<SequenceUnit> read(Path dir) {
        return ProjectFile.read(dir).section(SECTION).map(new ProjectSequences(dir)::sequences).orElse(List.of());
    }

    private List<SequenceUnit> sequences(Node section) {
        List<SequenceUnit> units = new ArrayList<>();
        for (Node entry : Nodes.list(section, SECTION, "a list of paths, globs or mappings with path (- checks/*.tum)")) {
            units.addAll(entry(entry));
        }
        return units;
    }

    private List<SequenceUnit> entry(Node entry) {
        if (entry instanceof ScalarNode) {
            Node path = entry;
            return listed(path, files(path, string(path, "a sequence's path")), Optional.empty(), List.of(), List.of());
        }
        Map<String, Node> fields = mapping(entry, "each sequence", "a path, or a mapping with path (- path: a.tum)");
        Nodes.onlyKeys((MappingNode) entry, ENTRY_KEYS, "", "a sequence");
        Node path = fields.get("path");
        if (path == null) {
            throw error(entry, "this sequence has no path; add 'path: FILE_OR_GLOB' (relative to salvo.yaml's directory)");
        }
        String pattern = string(path, "path of a sequence");
        String of = " of sequence " + pattern;
        Optional<String> name = Optional.ofNullable(fields.get("name")).map(n -> name(n, of));
        List<Path> configs = fields.containsKey("config") ? configs(fields.get("config"), of) : List.of();
        List<Map.Entry<String, String>> defines = fields.containsKey("define") ? defines(fields.get("define"), of) : List.of();
        List<Path> files = files(path, pattern);
        if (name.isPresent() && files.size() > 1) {
            throw error(fields.get("name"), "name " + name.get() + " is for one sequence, but path '" + pattern
                    + "' matches " + files.size() + " files; list the file it names on its own");
        }
        return listed(name.isPresent() ? fields.get("name") : path, files, name, configs, defines);
    }

    /** The units of one entry; {@code at} is where a second listing under the same id is pointed to. */
    private List<SequenceUnit> listed(Node at, List<Path> files, Optional<String> name, List<Path> configs,
                                      List<Map.Entry<String, String>> defines) {
        List<SequenceUnit> units = new ArrayList<>();
        for (Path file : files) {
            String id = name.map(n -> SequenceUnit.NAMED_PREFIX + n).orElseGet(() -> SequenceAdapter.unitId(dir, file));
            Node earlier = listedAt.putIfAbsent(id, at);
            if (earlier != null) {
                throw error(at, id + " is already listed at " + place(earlier)
                        + "; give each listing of a file its own name (name: NAME)");
            }
            units.add(new SequenceUnit(id, file, name, configs, defines));
        }
        return units;
    }

    /** The sequence files a path or glob names; one at least. */
    private List<Path> files(Node node, String pattern) {
        List<Path> files;
        try {
            files = SequenceFiles.matching(dir, pattern);
        } catch (IOException e) {
            throw error(node, "cannot look for '" + pattern + "' (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw error(node, "'" + pattern + "' matches no sequence file (*.tum with a main: item) under " + dir
                    + "; fix the path (it is relative to salvo.yaml's directory)");
        }
        return files;
    }

    private static String name(Node node, String of) {
        String name = string(node, "name" + of);
        if (!EntryName.valid(name)) {
            throw error(node, "sequence name '" + name + "' is not valid; use " + EntryName.RULE);
        }
        return name;
    }

    private List<Path> configs(Node node, String of) {
        List<Path> configs = new ArrayList<>();
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node item : items) {
            String relative = string(item, "config" + of);
            Path config = dir.resolve(relative).normalize();
            if (!Files.isRegularFile(config)) {
                throw error(item, "config file '" + relative + "'" + of + " not found: no file at " + config
                        + "; fix the path (it is relative to salvo.yaml's directory)");
            }
            configs.add(config);
        }
        return configs;
    }

    /** Values keep their YAML type: {@code 85} a number, {@code true} True, {@code hot} and {@code "85"} text. */
    private static List<Map.Entry<String, String>> defines(Node node, String of) {
        List<Map.Entry<String, String>> defines = new ArrayList<>();
        Map<String, Node> values = mapping(node, "define" + of, "a mapping of variable names to values (define: {rate: 115200})");
        for (Map.Entry<String, Node> define : values.entrySet()) {
            if (!LoadOptions.VARIABLE.matcher(define.getKey()).matches()) {
                throw error(Nodes.keyNode((MappingNode) node, define.getKey()), "define '" + define.getKey() + "'" + of
                        + " is not a variable name; use letters, digits and '_', not starting with a digit");
            }
            defines.add(new AbstractMap.SimpleEntry<>(define.getKey(), literal(define.getValue(), define.getKey() + of)));
        }
        return defines;
    }

    /** The -d text that gives the sequence this YAML value. */
    private static String literal(Node value, String what) {
        if (!(value instanceof ScalarNode s) || Nodes.isNull(s)) {
            throw error(value, "define " + what + " must be a string, a number or a boolean; got " + what(value));
        }
        Tag tag = s.getTag();
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue()) ? "True" : "False";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return s.getValue();
        }
        return PyRepr.repr(s.getValue());
    }
}
