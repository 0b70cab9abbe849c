package salvo.sequence.load;

import java.util.List;
import java.util.Map;

/**
 * One item of a loaded sequence, checked: its kind, a path id stable across runs
 * ({@code 0:group/2:py_func}), its name (expanded at load), its fields as plain values (expanded
 * at run time), where each field is in the source, and its children (steps, branches or actions).
 */
public record Step(String kind, String id, String name, String type, Map<String, Object> fields,
                   Map<String, Mark> marks, List<Step> children, Mark mark, boolean skipped) {
    public Step {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        marks = Map.copyOf(marks);
        children = List.copyOf(children);
    }

    public Object field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.get(name) != null;
    }

    /** What to show for it: its name, else its kind. */
    public String title() {
        return name.isEmpty() ? kind : name;
    }

    public Mark markOf(String field) {
        return marks.getOrDefault(field, mark);
    }

    public boolean isContainer() {
        return switch (kind) {
            case "main", "group", "loop", "parallel", "parallel_branch", "console", "json_rpc", "plot", "unittest",
                 ItemSchema.PYTHON_TESTS_ITEM -> true;
            default -> false;
        };
    }
}
