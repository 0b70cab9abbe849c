package salvo.sequence.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Composes YAML text (already rendered) into {@link YNode}s whose marks point into the source
 * file, through the template's line map. Scalars resolve as YAML 1.1; duplicate keys warn and
 * the last wins; {@code <<} merges; {@code !!python/...} tags are refused.
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 200;
    /** The largest document read, after templating (the YAML library's own limit): far beyond a real sequence. */
    static final int MAX_CHARS = 3 * 1024 * 1024;

    private final Path file;
    private final int[] lineMap;
    private final Diagnostics diagnostics;

    /** @param lineMap for each rendered line (index from 0), its source line (from 1); null when rendering kept the lines */
    public YamlReader(Path file, int[] lineMap, Diagnostics diagnostics) {
        this.file = file;
        this.lineMap = lineMap;
        this.diagnostics = diagnostics;
    }

    /** The document's root, or empty for an empty file; throws LoadFailed when it is not YAML. */
    public Optional<YNode> read(String text) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file.toString()).setCodePointLimit(MAX_CHARS).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark at = e.getProblemMark().map(this::mark).orElse(Mark.of(file));
            throw new LoadFailed(at, "not valid YAML: " + oneLine(e.getProblem()) + "; fix the syntax");
        } catch (YamlEngineException e) {
            throw new LoadFailed(Mark.of(file), "not valid YAML: " + oneLine(e.getMessage()) + "; fix the syntax");
        }
        return root.map(n -> convert(n, 0));
    }

    private Mark mark(org.snakeyaml.engine.v2.exceptions.Mark m) {
        int rendered = m.getLine();
        int line = lineMap != null && rendered < lineMap.length ? lineMap[rendered] : rendered + 1;
        return new Mark(file, line, m.getColumn() + 1);
    }

    private Mark mark(Node node) {
        return node.getStartMark().map(this::mark).orElse(Mark.of(file));
    }

    private YNode convert(Node node, int depth) {
        Mark at = mark(node);
        if (depth > MAX_DEPTH) {
            throw new LoadFailed(at, "YAML nested deeper than " + MAX_DEPTH + " levels (a recursive alias?); simplify it");
        }
        String tag = node.getTag().getValue();
        if (tag.startsWith("tag:yaml.org,2002:python") || tag.startsWith("!!python")) {
            throw new LoadFailed(at, "the tag " + tag + " would run Python code while loading; Salvo refuses it: "
                    + "remove the tag");
        }
        if (tag.equals("!include") || tag.equals("!raw_include")) {
            return new YNode.Include(tag.equals("!raw_include"), untagged(node, depth), at);
        }
        if (tag.startsWith("!") && !tag.startsWith("!!")) {
            throw new LoadFailed(at, "unknown tag " + tag + "; the tags a .tum file may use are !include and !raw_include");
        }
        return untagged(node, depth);
    }

    private YNode untagged(Node node, int depth) {
        Mark at = mark(node);
        if (node instanceof ScalarNode s) {
            if (s.getScalarStyle() != ScalarStyle.PLAIN) {
                return new YNode.Scalar(s.getValue(), at);
            }
            return new YNode.Scalar(Yaml11.resolvePlain(s.getValue()), at);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new YNode.Seq(items, at);
        }
        MappingNode map = (MappingNode) node;
        LinkedHashMap<String, YNode.Entry> entries = new LinkedHashMap<>();
        List<YNode.Entry> merged = new ArrayList<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode instanceof ScalarNode k && k.getValue().equals("<<") && k.getScalarStyle() == ScalarStyle.PLAIN) {
                merged.addAll(mergeSources(tuple.getValueNode(), depth));
                continue;
            }
            String key = keyText(keyNode, depth);
            YNode.Entry entry = new YNode.Entry(key, mark(keyNode), convert(tuple.getValueNode(), depth + 1));
            YNode.Entry earlier = entries.remove(key);
            if (earlier != null) {
                diagnostics.warning(entry.keyMark(), "duplicate key '" + key + "' (first at line "
                        + earlier.keyMark().line() + "); the last one wins: remove one");
            }
            entries.put(key, entry);
        }
        // Explicit keys win over merged ones, whatever their order.
        LinkedHashMap<String, YNode.Entry> result = new LinkedHashMap<>();
        for (YNode.Entry e : merged) {
            result.put(e.key(), e);
        }
        result.putAll(entries);
        return new YNode.Map(new ArrayList<>(result.values()), at);
    }

    private List<YNode.Entry> mergeSources(Node value, int depth) {
        List<YNode.Entry> out = new ArrayList<>();
        List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node source : sources) {
            YNode converted = convert(source, depth + 1);
            if (!(converted instanceof YNode.Map m)) {
                throw new LoadFailed(mark(source), "'<<' merges mappings only; alias a mapping (<<: *name)");
            }
            out.addAll(m.entries());
        }
        return out;
    }

    private String keyText(Node key, int depth) {
        if (key instanceof ScalarNode s) {
            Object v = s.getScalarStyle() == ScalarStyle.PLAIN ? Yaml11.resolvePlain(s.getValue()) : s.getValue();
            return PyStrOfKey.of(v);
        }
        throw new LoadFailed(mark(key), "a mapping key must be a plain value, not a list or mapping; quote it");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Keys are compared as the original prints them: True, 1, 2.5, text. */
    static final class PyStrOfKey {
        static String of(Object v) {
            return salvo.sequence.expr.PyRepr.str(v);
        }
    }
}
