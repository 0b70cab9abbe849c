package salvo.command;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import salvo.error.SalvoError;

/**
 * Reads the {@code commands:} of a project's salvo.yaml. It composes the YAML into nodes rather
 * than loading it into maps, so every mistake can be reported at its line and column, as one
 * line that says what is wrong and what to do.
 *
 * <pre>
 * commands:
 *   - name: lint
 *     run: ruff check .
 *   - name: go
 *     run: [go, test, ./...]
 *     cwd: backend
 *     env: {CGO_ENABLED: "0"}
 *     timeout: 600
 *     junit: report.xml
 * </pre>
 */
public final class ProjectCommands {
    public static final String FILE = "salvo.yaml";

    /** The top level's keys this module reads; other adapters' sections would be added here. */
    private static final Set<String> TOP_KEYS = Set.of("commands");
    private static final List<String> ENTRY_KEYS = List.of("name", "run", "cwd", "env", "timeout", "junit");

    private final Path dir;

    private ProjectCommands(Path dir) {
        this.dir = dir;
    }

    /** The commands of {@code dir}/salvo.yaml, in file order; none when there is no such file. */
    public static List<CommandSpec> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Optional<Node> root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Compose(LoadSettings.builder().setLabel(FILE).build()).composeReader(in);
        } catch (MarkedYamlEngineException e) {
            String at = e.getProblemMark().map(ProjectCommands::place).orElse(FILE);
            throw SalvoError.usage(at + ": not valid YAML: " + e.getProblem() + "; fix the syntax", e);
        } catch (YamlEngineException e) {
            throw SalvoError.usage(FILE + ": not valid YAML: " + oneLine(e.getMessage()) + "; fix the syntax", e);
        } catch (IOException e) {
            throw SalvoError.usage(FILE + ": could not read " + file + ": " + e.getMessage(), e);
        }
        return root.map(new ProjectCommands(dir)::commands).orElse(List.of());
    }

    private List<CommandSpec> commands(Node root) {
        if (isNull(root)) {
            return List.of();
        }
        Map<String, Node> top = mapping(root, "salvo.yaml's top level", "commands: followed by a list of commands");
        for (Map.Entry<String, Node> key : keysOf((MappingNode) root).entrySet()) {
            if (!TOP_KEYS.contains(key.getKey())) {
                throw error(key.getValue(), "unknown key '" + key.getKey() + "'; the keys salvo.yaml may have are: "
                        + String.join(", ", TOP_KEYS.stream().sorted().toList()));
            }
        }
        Node list = top.get("commands");
        if (list == null || isNull(list)) {
            return List.of();
        }
        if (!(list instanceof SequenceNode seq)) {
            throw error(list, "commands must be a list (each item '- name: NAME' with 'run: ...'); got " + what(list));
        }
        List<CommandSpec> specs = new ArrayList<>();
        Map<String, Node> names = new HashMap<>();
        for (Node item : seq.getValue()) {
            CommandSpec spec = entry(item);
            Node nameNode = ((MappingNode) item).getValue().stream()
                    .filter(t -> ((ScalarNode) t.getKeyNode()).getValue().equals("name"))
                    .findFirst().orElseThrow().getValueNode();
            Node earlier = names.putIfAbsent(spec.name(), nameNode);
            if (earlier != null) {
                throw error(nameNode, "a command named " + spec.name() + " is already declared at " + place(earlier)
                        + "; give each command its own name");
            }
            specs.add(spec);
        }
        return specs;
    }

    private CommandSpec entry(Node item) {
        Map<String, Node> fields = mapping(item, "each command", "a mapping with name and run (- name: lint)");
        Map<String, Node> keys = keysOf((MappingNode) item);
        Node nameNode = fields.get("name");
        String name = nameNode == null ? null : string(nameNode, "name of a command");
        for (Map.Entry<String, Node> key : keys.entrySet()) {
            if (!ENTRY_KEYS.contains(key.getKey())) {
                throw error(key.getValue(), "unknown key '" + key.getKey() + "'" + (name == null ? "" : " in command " + name)
                        + "; a command may have: " + String.join(", ", ENTRY_KEYS));
            }
        }
        if (name == null) {
            throw error(item, "this command has no name; add 'name: NAME' (" + CommandSpec.NAME_RULE + ")");
        }
        if (!CommandSpec.NAME.matcher(name).matches()) {
            throw error(nameNode, "command name '" + name + "' is not valid; use " + CommandSpec.NAME_RULE);
        }
        String of = " of command " + name;
        Node runNode = fields.get("run");
        if (runNode == null) {
            throw error(item, "command " + name + " has no run; add 'run:' with a shell line or a list of argv strings");
        }
        CommandSpec.Run run = run(runNode, of);
        Path cwd = dir;
        Node cwdNode = fields.get("cwd");
        if (cwdNode != null) {
            String relative = string(cwdNode, "cwd" + of);
            cwd = dir.resolve(relative).normalize();
            if (!Files.isDirectory(cwd)) {
                throw error(cwdNode, "cwd '" + relative + "'" + of + " is not a directory (" + cwd
                        + "); create it or fix cwd (it is relative to salvo.yaml's directory)");
            }
        }
        Map<String, String> env = fields.containsKey("env") ? env(fields.get("env"), of) : Map.of();
        Optional<Duration> timeout = fields.containsKey("timeout")
                ? Optional.of(timeout(fields.get("timeout"), of)) : Optional.empty();
        Optional<String> junit = fields.containsKey("junit")
                ? Optional.of(string(fields.get("junit"), "junit" + of)) : Optional.empty();
        return new CommandSpec(name, run, cwd, env, timeout, junit, place(runNode));
    }

    private CommandSpec.Run run(Node node, String of) {
        String expected = "run" + of + " must be a string (a shell line) or a list of strings (an argv)";
        if (node instanceof ScalarNode s && !isNull(s)) {
            if (s.getValue().isBlank()) {
                throw error(node, "run" + of + " is empty; give the command line to run");
            }
            return new CommandSpec.Shell(s.getValue());
        }
        if (node instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                throw error(node, "run" + of + " is an empty list; give the program and its arguments");
            }
            List<String> argv = new ArrayList<>();
            for (Node arg : seq.getValue()) {
                if (!(arg instanceof ScalarNode a) || isNull(a)) {
                    throw error(arg, expected + "; this item is " + what(arg));
                }
                argv.add(a.getValue());
            }
            if (argv.get(0).isBlank()) {
                throw error(seq.getValue().get(0), "the program of run" + of + " is empty; name the program to start");
            }
            return new CommandSpec.Argv(argv);
        }
        throw error(node, expected + "; got " + what(node));
    }

    private Map<String, String> env(Node node, String of) {
        Map<String, Node> vars = mapping(node, "env" + of, "a mapping of variable names to values (env: {GOFLAGS: -count=1})");
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, Node> var : vars.entrySet()) {
            Node value = var.getValue();
            if (!(value instanceof ScalarNode s)) {
                throw error(value, "env " + var.getKey() + of + " must be a string; got " + what(value));
            }
            env.put(var.getKey(), isNull(s) ? "" : s.getValue());
        }
        return env;
    }

    private Duration timeout(Node node, String of) {
        String expected = "timeout" + of + " must be a positive number of seconds";
        if (!(node instanceof ScalarNode s) || !(s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            throw error(node, expected + "; got " + what(node));
        }
        double seconds;
        try {
            seconds = Double.parseDouble(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(node, expected + "; got '" + s.getValue() + "'");
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw error(node, expected + "; got " + s.getValue());
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private String string(Node node, String what) {
        if (!(node instanceof ScalarNode s) || isNull(s) || s.getValue().isEmpty()) {
            throw error(node, what + " must be a non-empty string; got " + what(node));
        }
        return s.getValue();
    }

    /** A mapping's values by key, refusing a key given twice (YAML's maps would silently keep the last). */
    private Map<String, Node> mapping(Node node, String what, String expected) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be " + expected + "; got " + what(node));
        }
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                throw error(t.getKeyNode(), "a key must be a plain name; got " + what(t.getKeyNode()));
            }
            Node first = keys.putIfAbsent(key.getValue(), key);
            if (first != null) {
                throw error(key, "key '" + key.getValue() + "' appears twice in this mapping (first at " + place(first)
                        + "); keep one");
            }
            values.put(key.getValue(), t.getValueNode());
        }
        return values;
    }

    /** The key nodes of a checked mapping, by name, for errors that point at a key. */
    private static Map<String, Node> keysOf(MappingNode map) {
        Map<String, Node> keys = new LinkedHashMap<>();
        map.getValue().forEach(t -> keys.put(((ScalarNode) t.getKeyNode()).getValue(), t.getKeyNode()));
        return keys;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static String what(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        Tag tag = node.getTag();
        String value = ((ScalarNode) node).getValue();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + value;
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + value;
        }
        return value.isEmpty() ? "an empty string" : "the string '" + value + "'";
    }

    private static SalvoError error(Node node, String message) {
        return SalvoError.usage(place(node) + ": " + message);
    }

    /** "salvo.yaml:3:5", counted from 1 as editors do. */
    static String place(Node node) {
        return node.getStartMark().map(ProjectCommands::place).orElse(FILE);
    }

    private static String place(Mark mark) {
        return FILE + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
