package salvo.sequence.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of item: its own fields (the common ones are added), the required ones, where its
 * children are and the actions it takes.
 *
 * @param children "steps", "branches" or null
 * @param actions  for console, json_rpc and plot: each action's fields; empty otherwise
 */
public record ItemSpec(String kind, String type, Map<String, FieldType> fields, Set<String> required,
                       String children, Map<String, Map<String, FieldType>> actions) {

    public static final Map<String, FieldType> COMMON = common();

    public ItemSpec {
        Map<String, FieldType> all = new LinkedHashMap<>(COMMON);
        all.putAll(fields);
        fields = Map.copyOf(all);
        required = Set.copyOf(required);
        actions = Map.copyOf(actions);
    }

    public List<String> fieldNames() {
        return fields.keySet().stream().sorted().toList();
    }

    private static Map<String, FieldType> common() {
        Map<String, FieldType> m = new LinkedHashMap<>();
        m.put("name", FieldType.TEXT);
        m.put("doc", FieldType.TEXT);
        m.put("key", FieldType.TEXT_OR_LIST);
        m.put("report", FieldType.MAP);
        m.put("skipped", FieldType.FLAG);
        m.put("condition", FieldType.ANY);
        m.put("stop_on_failure", FieldType.FLAG);
        m.put("execute_on_stop", FieldType.FLAG);
        m.put("process_result", FieldType.TEXT);
        m.put("expected_result", FieldType.ANY);
        m.put("store_result", FieldType.TEXT);
        m.put("no_fail", FieldType.FLAG);
        return m;
    }
}
