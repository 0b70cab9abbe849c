package salvo.sequence.load;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.FoldingEvaluator;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.SimpleParser;
import salvo.sequence.python.Dictionary;
import salvo.sequence.python.HelperEvaluator;
import salvo.sequence.python.Templates;

/**
 * Loads a .tum file in the order of SEQUENCES.md §1.2: pass A (no variables, includes as
 * null) for main and the config files; the dictionary (built-ins, defines, configs, defines
 * again); pass B (raw includes) until the config files settle; pass C (all includes) into the
 * checked item tree. Problems are collected with their places; a fatal one ends the load.
 */
public final class SequenceLoader {
    public static final String VERSION = "salvo 0.1.0";
    private static final int CONFIG_ROUNDS = 5;

    private final HelperEvaluator python;
    private final Evaluator evaluator;
    private final Templates templates;
    private final Dictionary dictionary;

    public SequenceLoader(HelperEvaluator python, Templates templates, Dictionary dictionary) {
        this.python = python;
        this.evaluator = new FoldingEvaluator(python);
        this.templates = templates;
        this.dictionary = dictionary;
    }

    public Loaded load(LoadOptions options) {
        Path main = options.main().toAbsolutePath().normalize();
        Diagnostics diagnostics = new Diagnostics();
        if (!Files.isRegularFile(main)) {
            diagnostics.error(Mark.of(main), "no such sequence file; check the path");
            return new Loaded(main, null, diagnostics.all(), Map.of(), List.of());
        }
        LoadScope scope = new LoadScope(dictionary, evaluator, diagnostics);
        Includes.SourceFiles files = new Includes.SourceFiles(templates, diagnostics);
        List<Path> configs = List.of();
        try {
            YNode.Map top = passA(main, files, scope);
            YNode mainNode = top.get("main").orElse(null);
            String testName = mainNode instanceof YNode.Map m && m.get("name").orElse(null) instanceof YNode.Scalar s
                    && s.value() != null ? PyRepr.str(s.value()) : "";
            Map<String, Object> defines = defines(options, evaluator);
            configs = chooseConfigs(options, top, main, diagnostics);
            for (int round = 0; round < CONFIG_ROUNDS; round++) {
                fillDictionary(main, testName, defines, configs, scope, diagnostics);
                Includes includes = new Includes(files, scope, dictionary.snapshot());
                YNode b = includes.resolve(files.parse(main, variables(main)).orElse(null), Includes.Mode.RAW, main, 0);
                List<Path> next = chooseConfigs(options, top(main, Optional.ofNullable(b), diagnostics), main, diagnostics);
                if (next.equals(configs)) {
                    break;
                }
                configs = next;
            }
            Includes includes = new Includes(files, scope, dictionary.snapshot());
            YNode c = includes.resolve(files.parse(main, variables(main)).orElse(null), Includes.Mode.ALL, main, 0);
            YNode.Map resolved = top(main, Optional.ofNullable(c), diagnostics);
            Set<String> skippedNames = skippedNames();
            TreeBuilder builder = new TreeBuilder(diagnostics, scope, this::syntaxError, skippedNames);
            Step tree = builder.main(resolved.get("main").orElseThrow());
            resolved.get("report").filter(YNode.Map.class::isInstance).map(YNode.Map.class::cast)
                    .flatMap(r -> r.get("export")).ifPresent(e -> ExportChecks.check(e, diagnostics, "the root report"));
            Map<String, Object> topValues = new LinkedHashMap<>();
            resolved.entries().stream().filter(e -> !e.key().equals("main"))
                    .forEach(e -> topValues.put(e.key(), Plain.of(e.value())));
            return new Loaded(main, tree, diagnostics.all(), topValues, configs);
        } catch (LoadFailed e) {
            diagnostics.add(e.diagnostic());
            return new Loaded(main, null, diagnostics.all(), Map.of(), configs);
        }
    }

    /** What Java's parser reads is valid Python: only the rest needs the helper to check it. */
    private String syntaxError(String expression) {
        return SimpleParser.parses(expression) ? "" : python.syntaxError(expression);
    }

    /**
     * Pass A: no variables, includes as null. A template that needs variables cannot render yet;
     * then only -c or param.yaml can choose the config files, and pass B says the rest.
     */
    private YNode.Map passA(Path main, Includes.SourceFiles files, LoadScope scope) {
        Optional<YNode> parsed;
        try {
            parsed = files.parse(main, Map.of());
        } catch (LoadFailed e) {
            if (!e.getMessage().startsWith("Template error")) {
                throw e;
            }
            return new YNode.Map(List.of(), Mark.of(main));
        }
        YNode none = new Includes(files, scope, Map.of()).resolve(parsed.orElse(null), Includes.Mode.NONE, main, 0);
        YNode.Map top = top(main, Optional.ofNullable(none), null);
        return top;
    }

    private Map<String, Object> variables(Path main) {
        Map<String, Object> v = dictionary.snapshot();
        v.put("include_directory", main.getParent().toString());
        return v;
    }

    private static YNode.Map top(Path main, Optional<YNode> root, Diagnostics diagnostics) {
        if (root.isEmpty() || !(root.get() instanceof YNode.Map map)) {
            throw new LoadFailed(root.map(YNode::mark).orElse(Mark.of(main)),
                    "a .tum file is a mapping with a 'main' item (main: {name: ..., steps: [...]})");
        }
        if (map.get("main").filter(n -> !YNode.isNull(n)).isEmpty()) {
            throw new LoadFailed(map.mark(), "this file has no 'main' item; add main: with name and steps");
        }
        return map;
    }

    /** -d values: a Python literal when they are one, else text; a bare -d NAME is True. */
    private static Map<String, Object> defines(LoadOptions options, Evaluator evaluator) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : options.defines()) {
            if (d.getValue() == null) {
                out.put(d.getKey(), Boolean.TRUE);
                continue;
            }
            Evaluator.Result literal = evaluator.literal(d.getValue());
            out.put(d.getKey(), literal.ok() && literal.value() != null ? literal.value() : d.getValue());
        }
        return out;
    }

    private void fillDictionary(Path main, String testName, Map<String, Object> defines, List<Path> configs,
                                LoadScope scope, Diagnostics diagnostics) {
        dictionary.clear();
        dictionary.set("test_name", testName);
        dictionary.set("test_directory", main.getParent().toString());
        dictionary.set("test_main_file", main.toString());
        dictionary.set("os", osName());
        dictionary.set("host_name", hostName());
        dictionary.set("home", System.getProperty("user.home"));
        dictionary.set("config_files", configs.stream().map(Path::toString).toList());
        dictionary.set("testium_version", VERSION);
        dictionary.set("testium_path", System.getProperty("user.dir"));
        dictionary.putAll(defines);
        Map<String, Mark> configKeys = new LinkedHashMap<>();
        for (Path config : configs) {
            readConfig(config, diagnostics).forEach((k, v) -> {
                dictionary.set(k, Plain.of(v));
                configKeys.put(k, v.mark());
            });
        }
        dictionary.putAll(defines);
        for (Map.Entry<String, Mark> key : configKeys.entrySet()) {
            if (!defines.containsKey(key.getKey())) {
                dictionary.set(key.getKey(), scope.expandAt(dictionary.get(key.getKey()), key.getValue()));
            }
        }
    }

    private static Map<String, YNode> readConfig(Path config, Diagnostics diagnostics) {
        String text;
        try {
            text = Files.readString(config);
        } catch (java.io.IOException e) {
            throw new LoadFailed(Mark.of(config), "cannot read the config file (" + e.getMessage() + ")");
        }
        Optional<YNode> root = new YamlReader(config, null, diagnostics).read(text);
        if (root.isEmpty() || YNode.isNull(root.get())) {
            return Map.of();
        }
        if (!(root.get() instanceof YNode.Map map)) {
            throw new LoadFailed(root.get().mark(), "a config file is a mapping of names to values (rate: 115200)");
        }
        Map<String, YNode> out = new LinkedHashMap<>();
        map.entries().forEach(e -> out.put(e.key(), e.value()));
        return out;
    }

    /** -c, else config_file, else param_file, else param.yaml / param.yml beside the file (§1.2.4). */
    private static List<Path> chooseConfigs(LoadOptions options, YNode.Map top, Path main, Diagnostics diagnostics) {
        Path dir = main.getParent();
        if (!options.configs().isEmpty()) {
            List<Path> out = new ArrayList<>();
            for (Path c : options.configs()) {
                Path p = options.cwd().resolve(c).toAbsolutePath().normalize();
                if (!Files.isRegularFile(p)) {
                    throw new LoadFailed(Mark.of(main), "config file given with -c not found: no file at \"" + p + "\"");
                }
                out.add(p);
            }
            return out;
        }
        Optional<YNode> declared = top.get("config_file").filter(n -> !YNode.isNull(n));
        if (declared.isEmpty()) {
            declared = top.get("param_file").filter(n -> !YNode.isNull(n));
            if (declared.isPresent() && declared.get() instanceof YNode.Map m) {
                declared = m.get("file_name");
            }
        }
        if (declared.isPresent()) {
            LinkedHashSet<Path> out = new LinkedHashSet<>();
            for (YNode.Scalar s : scalars(declared.get())) {
                Path p = dir.resolve(PyRepr.str(s.value())).normalize();
                if (!Files.isRegularFile(p)) {
                    throw new LoadFailed(s.mark(), "config file \"" + PyRepr.str(s.value()) + "\" not found: no file at \""
                            + p + "\"; fix the path (it is relative to the sequence file)");
                }
                out.add(p);
            }
            return List.copyOf(out);
        }
        List<Path> out = new ArrayList<>();
        for (String name : List.of("param.yaml", "param.yml")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                out.add(dir.resolve(name));
            }
        }
        return out;
    }

    private static List<YNode.Scalar> scalars(YNode node) {
        List<YNode.Scalar> out = new ArrayList<>();
        if (node instanceof YNode.Scalar s && s.value() != null) {
            out.add(s);
        } else if (node instanceof YNode.Seq seq) {
            seq.items().forEach(i -> out.addAll(scalars(i)));
        } else if (!YNode.isNull(node)) {
            throw new LoadFailed(node.mark(), "config_file must be a path or a list of paths");
        }
        return out;
    }

    private Set<String> skippedNames() {
        Object v = dictionary.get("skipped_test_item");
        if (v instanceof List<?> l) {
            Set<String> out = new java.util.HashSet<>();
            l.forEach(x -> out.add(PyRepr.str(x)));
            return out;
        }
        return v == null ? Set.of() : Set.of(PyRepr.str(v));
    }

    static String osName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
