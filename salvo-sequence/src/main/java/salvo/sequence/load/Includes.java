package salvo.sequence.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.python.Templates;

/**
 * Resolves {@code !include} and {@code !raw_include} (SEQUENCES.md §1.4): each included file
 * is rendered with a copy of the dictionary, its include_directory and the include's
 * parameters, parsed with marks of its own, and may include others.
 */
final class Includes {
    enum Mode {
        /** Pass A: every include reads as null. */
        NONE,
        /** Pass B: only !raw_include is resolved. */
        RAW,
        /** Pass C: all of them. */
        ALL
    }

    private static final int MAX_DEPTH = 20;

    private final SourceFiles files;
    private final LoadScope scope;
    private final Map<String, Object> dictionary;

    Includes(SourceFiles files, LoadScope scope, Map<String, Object> dictionary) {
        this.files = files;
        this.scope = scope;
        this.dictionary = dictionary;
    }

    YNode resolve(YNode node, Mode mode, Path file, int depth) {
        if (node instanceof YNode.Include inc) {
            if (mode == Mode.NONE || mode == Mode.RAW && !inc.raw()) {
                return new YNode.Scalar(null, inc.mark());
            }
            return include(inc, mode, file, depth);
        }
        if (node instanceof YNode.Seq seq) {
            List<YNode> items = new ArrayList<>();
            seq.items().forEach(i -> items.add(resolve(i, mode, file, depth)));
            return new YNode.Seq(items, seq.mark());
        }
        if (node instanceof YNode.Map map) {
            List<YNode.Entry> entries = new ArrayList<>();
            map.entries().forEach(e -> entries.add(new YNode.Entry(e.key(), e.keyMark(), resolve(e.value(), mode, file, depth))));
            return new YNode.Map(entries, map.mark());
        }
        return node;
    }

    private YNode include(YNode.Include inc, Mode mode, Path from, int depth) {
        String tag = inc.raw() ? "!raw_include" : "!include";
        if (depth >= MAX_DEPTH) {
            throw new LoadFailed(inc.mark(), tag + " nested " + MAX_DEPTH + " deep: an include cycle? break it");
        }
        String name;
        Map<String, Object> params = new LinkedHashMap<>();
        if (inc.argument() instanceof YNode.Scalar s && s.value() != null) {
            name = PyRepr.str(scope.expandStrict(s.value(), s.mark()));
        } else if (inc.argument() instanceof YNode.Map m && m.get("file").isPresent()) {
            YNode f = m.get("file").get();
            name = PyRepr.str(scope.expandStrict(Plain.of(f), f.mark()));
            for (YNode.Entry e : m.entries()) {
                if (!e.key().equals("file")) {
                    params.put(e.key(), scope.expandStrict(Plain.of(e.value()), e.value().mark()));
                }
            }
        } else {
            throw new LoadFailed(inc.mark(), tag + " needs a file name, or a mapping with 'file' and the template's "
                    + "parameters ({file: x.tum, image: a.bin})");
        }
        if (name.contains("$(") || name.contains("<|")) {
            throw new LoadFailed(inc.mark(), tag + " file '" + name + "' is not known at load; define what it uses");
        }
        Path target = from.toAbsolutePath().getParent().resolve(name).normalize();
        if (!Files.isRegularFile(target)) {
            throw new LoadFailed(inc.mark(), "Included file \"" + name + "\" not found: no file at \"" + target
                    + "\"; fix the path (it is relative to the including file)");
        }
        Map<String, Object> variables = new LinkedHashMap<>(dictionary);
        variables.put("include_directory", target.getParent().toString());
        variables.putAll(params);
        YNode parsed = files.parse(target, variables).orElse(new YNode.Scalar(null, Mark.of(target)));
        YNode resolved = resolve(parsed, mode, target, depth + 1);
        return inc.raw() ? resolved : steps(resolved);
    }

    /** What an included file yields: a lone sequence: key's value, else its list, else one step per key. */
    private static YNode steps(YNode node) {
        if (node instanceof YNode.Map map) {
            if (map.entries().size() == 1 && map.entries().get(0).key().equals("sequence")) {
                return map.entries().get(0).value();
            }
            List<YNode> steps = new ArrayList<>();
            for (YNode.Entry e : map.entries()) {
                steps.add(new YNode.Map(List.of(e), e.keyMark()));
            }
            return new YNode.Seq(steps, map.mark());
        }
        return node;
    }

    /** Reading, rendering and parsing one file. */
    static final class SourceFiles {
        private final Templates templates;
        private final Diagnostics diagnostics;

        SourceFiles(Templates templates, Diagnostics diagnostics) {
            this.templates = templates;
            this.diagnostics = diagnostics;
        }

        java.util.Optional<YNode> parse(Path file, Map<String, Object> variables) {
            String text;
            try {
                long size = Files.size(file);
                if (size > YamlReader.MAX_CHARS) {
                    throw new LoadFailed(Mark.of(file), String.format(java.util.Locale.ROOT, "the file is %.1f MiB, more "
                            + "than the %d MiB a sequence file may be; split it with !include", size / 1048576.0,
                            YamlReader.MAX_CHARS / 1048576));
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new LoadFailed(Mark.of(file), "not a text file (it is not UTF-8): give a .tum sequence");
            } catch (IOException e) {
                throw new LoadFailed(Mark.of(file), "cannot read the file (" + e.getMessage() + ")");
            }
            Templates.Rendered rendered;
            try {
                rendered = templates.render(text, variables);
            } catch (Templates.TemplateFailed e) {
                throw new LoadFailed(new Mark(file, e.line(), 1), "Template error on line " + e.line() + ": " + e.getMessage());
            }
            return new YamlReader(file, rendered.lineMap(), diagnostics).read(rendered.text());
        }
    }
}
