package salvo.project;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import salvo.adapter.Adapter;
import salvo.adapter.Adapters;
import salvo.error.SalvoError;

/**
 * A project's salvo.yaml, composed into nodes rather than loaded into maps, so every mistake
 * can be reported at its line and column. Its top level is one section per adapter; a key that
 * no adapter present reads is refused, naming those that are known, since a typo'd section
 * would otherwise be silently ignored.
 */
public final class ProjectFile {
    public static final String NAME = "salvo.yaml";

    private final Map<String, Node> sections;

    private ProjectFile(Map<String, Node> sections) {
        this.sections = sections;
    }

    /** {@code dir}/salvo.yaml, its sections checked against those of the adapters on the class path. */
    public static ProjectFile read(Path dir) {
        return read(dir, Present.SECTIONS);
    }

    /** {@code dir}/salvo.yaml with {@code known} as the top-level keys it may have; empty when there is no such file. */
    public static ProjectFile read(Path dir, Set<String> known) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return new ProjectFile(Map.of());
        }
        Optional<Node> root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Compose(LoadSettings.builder().setLabel(NAME).build()).composeReader(in);
        } catch (MarkedYamlEngineException e) {
            String at = e.getProblemMark().map(Nodes::place).orElse(NAME);
            throw SalvoError.usage(at + ": not valid YAML: " + e.getProblem() + "; fix the syntax", e);
        } catch (YamlEngineException e) {
            throw SalvoError.usage(NAME + ": not valid YAML: " + oneLine(e.getMessage()) + "; fix the syntax", e);
        } catch (IOException e) {
            throw SalvoError.usage(NAME + ": could not read " + file + ": " + e.getMessage(), e);
        }
        if (root.isEmpty() || Nodes.isNull(root.get())) {
            return new ProjectFile(Map.of());
        }
        List<String> keys = List.copyOf(new TreeSet<>(known));
        Map<String, Node> top = Nodes.mapping(root.get(), NAME + "'s top level",
                "a mapping of sections (" + String.join(", ", keys) + ")");
        Nodes.onlyKeys((MappingNode) root.get(), keys, "", "the top level of " + NAME);
        return new ProjectFile(top);
    }

    /** The value of a top-level section; empty when the file or the key is absent, or its value is nothing. */
    public Optional<Node> section(String key) {
        return Optional.ofNullable(sections.get(key)).filter(n -> !Nodes.isNull(n));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The sections of the adapters on the class path, found once: the class path does not change. */
    private static final class Present {
        static final Set<String> SECTIONS = sections();

        private static Set<String> sections() {
            Set<String> all = new TreeSet<>();
            Adapters.load().all().stream().map(Adapter::projectSections).forEach(all::addAll);
            return Set.copyOf(all);
        }
    }
}
