package salvo.sequence.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.sequence.expr.PyRepr;

/**
 * What a dialog item asks (§3.14), its fields already expanded: the same for whoever answers it,
 * batch rules or an operator.
 *
 * @param title      the item's title
 * @param autoResult auto_result, stripped and lower case, or null
 * @param prefill    the value to start from: auto_value, else default (value); auto_value (note); else null
 * @param filename   the image (image dialogs), else null
 * @param choices    the choice tree (choices dialogs), else empty
 * @param references the references to tick (references dialogs), else empty
 */
public record DialogRequest(DialogKind kind, String title, String question, String autoResult, Object prefill,
                            String filename, List<Choice> choices, List<Reference> references) {
    public DialogRequest {
        choices = List.copyOf(choices);
        references = List.copyOf(references);
    }

    /** One choice of a choices dialog, with its sub-choices. */
    public record Choice(String name, String description, List<Choice> choices) {
        public Choice {
            choices = List.copyOf(choices);
        }

        /** The choices field as a tree: each entry a map {name, description, choices} or a bare name. */
        static List<Choice> tree(Object field) {
            List<Choice> out = new ArrayList<>();
            if (field instanceof List<?> list) {
                for (Object c : list) {
                    Map<?, ?> m = c instanceof Map<?, ?> mm ? mm : Map.of("name", c);
                    out.add(new Choice(text(m.get("name")), text(m.get("description")), tree(m.get("choices"))));
                }
            }
            return out;
        }

        /** How many choices the tree holds, at every depth. */
        public static int count(List<Choice> tree) {
            int n = 0;
            for (Choice c : tree) {
                n += 1 + count(c.choices());
            }
            return n;
        }

        /**
         * The answer's shape, [{name, checked, choices?}], with {@code checked} indexed in pre-order
         * (a choice, then its sub-choices, then the next choice).
         */
        public static List<Object> answer(List<Choice> tree, boolean[] checked) {
            return answer(tree, checked, new int[1]);
        }

        private static List<Object> answer(List<Choice> tree, boolean[] checked, int[] next) {
            List<Object> out = new ArrayList<>();
            for (Choice c : tree) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", c.name());
                row.put("checked", checked[next[0]++]);
                if (!c.choices().isEmpty()) {
                    row.put("choices", answer(c.choices(), checked, next));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** One reference of a references dialog: ref, rev and serial as the file gives them. */
    public record Reference(Object ref, Object rev, Object serial) {
        static List<Reference> list(Object field) {
            List<Reference> out = new ArrayList<>();
            if (field instanceof List<?> refs) {
                for (Object r : refs) {
                    Map<?, ?> m = r instanceof Map<?, ?> mm ? mm : Map.of();
                    out.add(new Reference(m.get("ref"), m.get("rev"), m.get("serial")));
                }
            }
            return out;
        }

        /** tested_items: [{reference, revision, serial}] of the ticked references, in order. */
        public static List<Object> answer(List<Reference> references, boolean[] ticked) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                if (ticked[i]) {
                    Reference r = references.get(i);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("reference", r.ref());
                    row.put("revision", r.rev());
                    row.put("serial", r.serial());
                    items.add(row);
                }
            }
            return items;
        }

        /** As the operator reads it: "ref rev serial". */
        public String label() {
            return String.join(" ", text(ref), text(rev), text(serial)).strip();
        }
    }

    private static String text(Object o) {
        return o == null ? "" : PyRepr.str(o);
    }
}
