package salvo.command;

import static salvo.project.Nodes.error;
import static salvo.project.Nodes.isNull;
import static salvo.project.Nodes.mapping;
import static salvo.project.Nodes.place;
import static salvo.project.Nodes.string;
import static salvo.project.Nodes.what;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import salvo.project.Nodes;
import salvo.project.ProjectFile;

/**
 * Reads the {@code commands:} section of a project's salvo.yaml ({@link ProjectFile}), every
 * mistake one line at its place.
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
    /** The section of salvo.yaml this module reads. */
    public static final String SECTION = "commands";
    private static final List<String> ENTRY_KEYS = List.of("name", "run", "cwd", "env", "timeout", "junit");

    private final Path dir;

    private ProjectCommands(Path dir) {
        this.dir = dir;
    }

    /** The commands of {@code dir}/salvo.yaml, in file order; none when there is no such file. */
    public static List<CommandSpec> read(Path dir) {
        return ProjectFile.read(dir).section(SECTION).map(new ProjectCommands(dir)::commands).orElse(List.of());
    }

    private List<CommandSpec> commands(Node list) {
        if (!(list instanceof SequenceNode seq)) {
            throw error(list, "commands must be a list (each item '- name: NAME' with 'run: ...'); got " + what(list));
        }
        List<CommandSpec> specs = new ArrayList<>();
        Map<String, Node> names = new HashMap<>();
        for (Node item : seq.getValue()) {
            CommandSpec spec = entry(item);
            Node nameNode = mapping(item, "each command", "a mapping").get("name");
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
        Node nameNode = fields.get("name");
        String name = nameNode == null ? null : string(nameNode, "name of a command");
        Nodes.onlyKeys((MappingNode) item, ENTRY_KEYS, name == null ? "" : " in command " + name, "a command");
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
}
