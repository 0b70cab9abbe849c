package salvo.sequence.load;

import static salvo.sequence.load.FieldType.ANY;
import static salvo.sequence.load.FieldType.BRANCHES;
import static salvo.sequence.load.FieldType.FLAG;
import static salvo.sequence.load.FieldType.ITERATOR;
import static salvo.sequence.load.FieldType.LIST;
import static salvo.sequence.load.FieldType.LIST_OR_MAP;
import static salvo.sequence.load.FieldType.MAP;
import static salvo.sequence.load.FieldType.NUMBER_OR_TEXT;
import static salvo.sequence.load.FieldType.STEPS;
import static salvo.sequence.load.FieldType.SYNC;
import static salvo.sequence.load.FieldType.TEXT;
import static salvo.sequence.load.FieldType.TEXT_OR_LIST;
import static salvo.sequence.load.FieldType.VERSION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every item of the .tum language (SEQUENCES.md §3), as data. */
public final class ItemSchema {
    /**
     * The .tum language's item that runs a Python test file (SEQUENCES.md §3.8): a keyword of the
     * sequence language, not Salvo's adapter of that name (AdapterBoundaryTest allows this line).
     */
    public static final String PYTHON_TESTS_ITEM = "pytest";
    private static final Map<String, ItemSpec> ITEMS = build();

    private ItemSchema() {}

    public static Optional<ItemSpec> get(String kind) {
        return Optional.ofNullable(ITEMS.get(kind));
    }

    /** The item keys a step may use, in the spec's order, for messages. */
    public static List<String> known() {
        return List.copyOf(ITEMS.keySet());
    }

    private static Map<String, ItemSpec> build() {
        Map<String, ItemSpec> m = new LinkedHashMap<>();
        add(m, "group", "Group", Map.of("steps", STEPS), Set.of(), "steps");
        add(m, "loop", "Cycle", Map.of("steps", STEPS, "iterator", ITERATOR, "exit_condition", MAP), Set.of(), "steps");
        add(m, "let", "Let", Map.of("values", LIST_OR_MAP), Set.of("values"), null);
        // units (a mapping of the names compared to their units) is Salvo's: it labels what a check measured.
        add(m, "check", "Check value", Map.of("values", ANY, "units", MAP), Set.of("values"), null);
        add(m, "sleep", "Sleep", Map.of("timeout", NUMBER_OR_TEXT, "dialog", FLAG), Set.of("timeout"), null);
        m.put("console", new ItemSpec("console", "Console", Map.of("console_name", TEXT, "steps", STEPS),
                Set.of("console_name"), "steps", consoleActions()));
        add(m, "run", "Run tum", fields("tum", TEXT, "param_file", TEXT, "report_file", TEXT, "log_file", TEXT,
                "batch", FLAG, "start_time", TEXT, "end_time", TEXT, "wait_for_exec", FLAG), Set.of("tum"), null);
        add(m, "unittest", "unittest", Map.of("test_file", TEXT, "test_method", TEXT_OR_LIST), Set.of("test_file"), null);
        add(m, PYTHON_TESTS_ITEM, PYTHON_TESTS_ITEM, Map.of("test_file", TEXT, "test_method", TEXT_OR_LIST), Set.of("test_file"), null);
        add(m, "py_func", "python Function", fields("file", TEXT, "func_name", TEXT, "param", LIST, "context_id", TEXT,
                "debug", FLAG), Set.of("file", "func_name"), null);
        add(m, "lua_func", "lua Function", fields("file", TEXT, "func_name", TEXT, "param", LIST, "context_id", TEXT),
                Set.of("file", "func_name"), null);
        m.put("json_rpc", new ItemSpec("json_rpc", "JSON-RPC", fields("timeout", NUMBER_OR_TEXT, "version", VERSION,
                "mute", FLAG, "console", MAP, "udp", MAP, "steps", STEPS), Set.of("timeout"), "steps", rpcActions()));
        add(m, "git", "git repository", Map.of("repo", TEXT_OR_LIST), Set.of("repo"), null);
        m.put("plot", new ItemSpec("plot", "Runtime plot", Map.of("plot_name", TEXT, "steps", STEPS), Set.of("plot_name"),
                "steps", plotActions()));
        add(m, "report", "Report", Map.of("export", ANY), Set.of("export"), null);
        add(m, "parallel", "Parallel", Map.of("branches", BRANCHES, "sync", SYNC), Set.of("branches"), "branches");
        add(m, "parallel_branch", "Parallel branch", Map.of("steps", STEPS, "wait_for", MAP), Set.of(), "steps");
        Map<String, FieldType> dialog = Map.of("question", TEXT, "auto_result", TEXT);
        add(m, "dialog_message", "Message Dialog", dialog, Set.of("question"), null);
        add(m, "dialog_question", "Question Dialog", dialog, Set.of("question"), null);
        add(m, "dialog_value", "Value Dialog", with(dialog, "default", ANY, "auto_value", ANY), Set.of("question"), null);
        add(m, "dialog_note", "Note Dialog", with(dialog, "auto_value", ANY), Set.of("question"), null);
        add(m, "dialog_image", "Image Dialog", with(dialog, "filename", TEXT), Set.of("question", "filename"), null);
        add(m, "dialog_choices", "Choices Dialog", with(dialog, "choices", LIST), Set.of("question", "choices"), null);
        add(m, "dialog_references", "References Dialog", with(dialog, "reference", LIST), Set.of("question"), null);
        return m;
    }

    private static void add(Map<String, ItemSpec> m, String kind, String type, Map<String, FieldType> fields,
                            Set<String> required, String children) {
        m.put(kind, new ItemSpec(kind, type, fields, required, children, Map.of()));
    }

    private static Map<String, FieldType> fields(Object... pairs) {
        Map<String, FieldType> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (FieldType) pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, FieldType> with(Map<String, FieldType> base, Object... pairs) {
        Map<String, FieldType> m = new LinkedHashMap<>(base);
        m.putAll(fields(pairs));
        return m;
    }

    private static Map<String, Map<String, FieldType>> consoleActions() {
        return Map.of(
                "open", fields("protocol", TEXT, "telnet_host", TEXT, "telnet_port", ANY, "ssh_host", TEXT, "ssh_user", TEXT,
                        "ssh_pwd", TEXT, "ssh_port", ANY, "ssh_key", TEXT, "ssh_config", TEXT, "tcp_host", TEXT, "tcp_port", ANY,
                        "serial_port", TEXT, "serial_baudrate", ANY,
                        "buffered", FLAG, "shell", TEXT, "terminal_path", TEXT, "write_delay", ANY, "log", ANY,
                        "overwrite_log", FLAG),
                "write", Map.of(), "writeln", Map.of(),
                "read_until", fields("expected", TEXT_OR_LIST, "regex", FLAG, "timeout", NUMBER_OR_TEXT, "mute", FLAG),
                "close", Map.of());
    }

    private static Map<String, Map<String, FieldType>> rpcActions() {
        return Map.of("open", Map.of(), "close", Map.of(),
                "query", fields("method", TEXT, "params", ANY, "id", ANY, "no_wait", FLAG, "timeout", NUMBER_OR_TEXT),
                "receive", fields("id", ANY, "timeout", NUMBER_OR_TEXT));
    }

    private static Map<String, Map<String, FieldType>> plotActions() {
        return Map.of("open", fields("log_path", TEXT), "add", Map.of(),
                "periodic", fields("period", NUMBER_OR_TEXT, "file", TEXT, "func_name", TEXT, "param", LIST, "eval", ANY),
                "last_value", fields("name", ANY, "lines", LIST), "export", Map.of(), "close", fields("wait_dialog_exit", FLAG, "timeout", NUMBER_OR_TEXT));
    }

    /** Required fields of an action, beyond those checked by its item. */
    public static Set<String> requiredOfAction(String item, String action) {
        return switch (item + "." + action) {
            case "console.open" -> Set.of("protocol");
            case "console.read_until" -> Set.of("expected");
            case "json_rpc.query" -> Set.of("method");
            case "json_rpc.receive" -> Set.of("id");
            case "plot.periodic" -> Set.of("file", "func_name");
            default -> Set.of();
        };
    }
}
