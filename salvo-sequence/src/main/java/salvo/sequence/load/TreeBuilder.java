package salvo.sequence.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import salvo.sequence.expr.Expander;
import salvo.sequence.expr.Rules;

/**
 * Builds the checked item tree from the composed main item (includes already spliced): every
 * structural error and misfit field is reported at its place; unknown fields warn. It runs
 * nothing: the load-time expansions (name, doc, skipped) go through the scope it is given.
 */
public final class TreeBuilder {
    private final Diagnostics diagnostics;
    private final LoadScope scope;
    private final Function<String, String> syntaxError;
    private final Set<String> skippedNames;

    /**
     * @param syntaxError the syntax error of a Python expression, or "" when it parses
     * @param skippedNames the names in skipped_test_item
     */
    public TreeBuilder(Diagnostics diagnostics, LoadScope scope, Function<String, String> syntaxError,
                       Set<String> skippedNames) {
        this.diagnostics = diagnostics;
        this.scope = scope;
        this.syntaxError = syntaxError;
        this.skippedNames = skippedNames;
    }

    public Step main(YNode node) {
        if (!(node instanceof YNode.Map map)) {
            diagnostics.error(node.mark(), "main must be a mapping with name and steps (main: {name: ..., steps: [...]}); got "
                    + Plain.what(node));
            return null;
        }
        ItemSpec group = ItemSchema.get("group").orElseThrow();
        return item("main", new ItemSpec("main", "default", group.fields(), Set.of(), "steps", Map.of()), map,
                map.mark(), "main", "main");
    }

    private Step item(String kind, ItemSpec spec, YNode.Map body, Mark at, String id, String where) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Mark> marks = new LinkedHashMap<>();
        String name = loadText(body, "name");
        String title = name.isEmpty() ? kind : name;
        String label = kind + " '" + title + "'";
        for (YNode.Entry e : body.entries()) {
            FieldType type = spec.fields().get(e.key());
            if (type == null) {
                diagnostics.warning(e.keyMark(), "unknown field '" + e.key() + "' of " + label + " is ignored; the fields of "
                        + kind + " are: " + String.join(", ", spec.fieldNames()));
                continue;
            }
            String misfit = type.misfit(e.value());
            if (misfit != null) {
                diagnostics.error(e.value().mark(), "field '" + e.key() + "' of " + label + " must be " + misfit + ", got "
                        + Plain.what(e.value()));
                continue;
            }
            marks.put(e.key(), e.value().mark());
            if (type != FieldType.STEPS && type != FieldType.BRANCHES) {
                fields.put(e.key(), Plain.of(e.value()));
                checkExpressions(e.value(), label);
            }
        }
        for (String required : spec.required()) {
            if (body.get(required).filter(v -> !YNode.isNull(v)).isEmpty()) {
                diagnostics.error(at, "item '" + title + "': required parameter '" + required + "' is missing; add '"
                        + required + ": ...' to this " + kind);
            }
        }
        if (fields.get("name") instanceof List<?> lines) {
            // plot's last_value: {name: [lines]} names lines, not the item (§9.26 adds 'lines' for them).
            fields.putIfAbsent("lines", lines);
        }
        fields.put("name", name);
        fields.put("doc", loadText(body, "doc"));
        boolean skipped = skippedNames.contains(name) || skipped(body, label);
        List<Step> children = new ArrayList<>();
        String path = where + " > " + title;
        if ("steps".equals(spec.children())) {
            var steps = body.get("steps");
            if (steps.isEmpty() && Set.of("group", "loop", "main").contains(kind)) {
                diagnostics.error(at, label + " has no steps; add 'steps:' with a list of items (steps: [] for none)");
            } else if (steps.isPresent() && steps.get() instanceof YNode.Seq seq) {
                children = spec.actions().isEmpty() ? steps(seq, id, path) : actions(kind, spec, seq, id, path);
            }
        } else if ("branches".equals(spec.children())) {
            children = branches(body, at, id, path, label);
        }
        if (kind.equals("report")) {
            body.get("export").ifPresent(e -> ExportChecks.check(e, diagnostics, label));
        }
        if (kind.equals("loop")) {
            body.get("exit_condition").filter(YNode.Map.class::isInstance).map(YNode.Map.class::cast)
                    .ifPresent(c -> exitCondition(c, label));
        }
        return new Step(kind, id, name, spec.type(), fields, marks, children, at, skipped);
    }

    private List<Step> steps(YNode.Seq seq, String parentId, String where) {
        List<Step> out = new ArrayList<>();
        for (YNode node : flatten(seq)) {
            if (!(node instanceof YNode.Map map) || map.entries().size() != 1) {
                diagnostics.error(node.mark(), "in " + where + ": a step must be a mapping with exactly one item key "
                        + "('- group: {...}'), got " + (node instanceof YNode.Map m ? m.entries().size() + " keys" : Plain.what(node)));
                continue;
            }
            YNode.Entry entry = map.entries().get(0);
            String kind = entry.key().startsWith(".") ? entry.key().substring(1) : entry.key();
            var spec = ItemSchema.get(kind);
            if (spec.isEmpty()) {
                diagnostics.error(entry.keyMark(), "in " + where + ": '" + kind + "' is not a known test item; known items: "
                        + String.join(", ", ItemSchema.known()));
                continue;
            }
            YNode body = entry.value();
            if (YNode.isNull(body)) {
                body = new YNode.Map(List.of(), entry.keyMark());
            }
            if (!(body instanceof YNode.Map fields)) {
                diagnostics.error(body.mark(), "in " + where + ": the body of '" + kind + "' must be a mapping of its fields, got "
                        + Plain.what(body));
                continue;
            }
            out.add(item(kind, spec.get(), fields, entry.keyMark(), parentId + "/" + out.size() + ":" + kind, where));
        }
        return out;
    }

    private List<Step> actions(String item, ItemSpec spec, YNode.Seq seq, String parentId, String where) {
        List<Step> out = new ArrayList<>();
        for (YNode node : flatten(seq)) {
            if (!(node instanceof YNode.Map map) || map.entries().size() != 1) {
                diagnostics.error(node.mark(), "in " + where + ": an action must be a mapping with one action key, got "
                        + Plain.what(node));
                continue;
            }
            YNode.Entry entry = map.entries().get(0);
            Map<String, FieldType> fields = spec.actions().get(entry.key());
            if (fields == null) {
                diagnostics.error(entry.keyMark(), "in " + where + ": " + item + " has an unknown action '" + entry.key()
                        + "'; its actions are: " + String.join(", ", spec.actions().keySet().stream().sorted().toList()));
                continue;
            }
            String kind = item + "." + entry.key();
            String id = parentId + "/" + out.size() + ":" + entry.key();
            YNode body = entry.value();
            if (!(body instanceof YNode.Map m) || kind.equals("plot.add")) {
                // write: text, add: {line: v}, export: f.pdf: the action's value is its argument.
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("value", Plain.of(body));
                value.put("name", "");
                out.add(new Step(kind, id, "", spec.type() + " action", value, Map.of("value", body.mark()), List.of(),
                        entry.keyMark(), false));
                continue;
            }
            ItemSpec action = new ItemSpec(kind, spec.type() + " action", fields, ItemSchema.requiredOfAction(item,
                    entry.key()), null, Map.of());
            out.add(item(kind, action, m, entry.keyMark(), id, where));
        }
        return out;
    }

    private List<Step> branches(YNode.Map body, Mark at, String id, String where, String label) {
        List<Step> out = new ArrayList<>();
        var node = body.get("branches");
        if (node.isEmpty() || !(node.get() instanceof YNode.Seq seq)) {
            return out;
        }
        List<YNode> items = flatten(seq);
        if (items.isEmpty()) {
            diagnostics.error(node.get().mark(), label + " has no branches; give it at least one ('- name: A' with steps)");
        }
        ItemSpec branch = ItemSchema.get("parallel_branch").orElseThrow();
        for (YNode b : items) {
            if (!(b instanceof YNode.Map m)) {
                diagnostics.error(b.mark(), "each branch of " + label + " must be a mapping with name and steps, got "
                        + Plain.what(b));
                continue;
            }
            out.add(item("parallel_branch", branch, m, m.mark(), id + "/" + out.size() + ":branch", where));
        }
        return out;
    }

    private void exitCondition(YNode.Map condition, String label) {
        Set<String> known = Set.of("time", "value", "file", "func_name", "param", "eval");
        for (YNode.Entry e : condition.entries()) {
            if (!known.contains(e.key())) {
                diagnostics.warning(e.keyMark(), "unknown key '" + e.key() + "' in the exit_condition of " + label
                        + " is ignored; it may have: eval, file, func_name, param, time, value");
            }
        }
        boolean hasFile = condition.get("file").isPresent();
        boolean hasFunc = condition.get("func_name").isPresent();
        if (hasFile != hasFunc) {
            diagnostics.error(condition.mark(), "the exit_condition of " + label + " needs both file and func_name to call "
                    + "a function; add the missing one");
        }
    }

    private static List<YNode> flatten(YNode.Seq seq) {
        List<YNode> out = new ArrayList<>();
        for (YNode n : seq.items()) {
            if (n instanceof YNode.Seq inner) {
                out.addAll(flatten(inner));
            } else if (!YNode.isNull(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private String loadText(YNode.Map body, String field) {
        var node = body.get(field);
        if (node.isEmpty() || YNode.isNull(node.get()) || !(node.get() instanceof YNode.Scalar s)) {
            return "";
        }
        return salvo.sequence.expr.PyRepr.str(scope.expandAt(s.value(), s.mark()));
    }

    private boolean skipped(YNode.Map body, String label) {
        var node = body.get("skipped");
        if (node.isEmpty() || YNode.isNull(node.get()) || !(node.get() instanceof YNode.Scalar s)) {
            return false;
        }
        Object value = scope.expandAt(s.value(), s.mark());
        if (value instanceof String text && Expander.hasMarkers(text)) {
            diagnostics.error(s.mark(), "'skipped' of " + label + " must be known at load, but '" + text
                    + "' still has unresolved parts; use a define, a config value or a literal");
            return false;
        }
        return Rules.flag(value, scope.evaluator());
    }

    private void checkExpressions(YNode node, String label) {
        if (node instanceof YNode.Scalar s && s.value() instanceof String text) {
            for (String expr : Expander.expressionsForCheck(text)) {
                String error = syntaxError.apply(expr);
                if (!error.isEmpty()) {
                    diagnostics.error(s.mark(), "the expression <| " + expr + " |> of " + label + " does not parse ("
                            + error + "); fix its Python");
                }
            }
        } else if (node instanceof YNode.Seq seq) {
            seq.items().forEach(i -> checkExpressions(i, label));
        } else if (node instanceof YNode.Map map) {
            map.entries().forEach(e -> checkExpressions(e.value(), label));
        }
    }
}
