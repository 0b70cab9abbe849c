package salvo.sequence.load;

import java.util.List;

/** What a field's value may be in the file, checked at load on the composed node. */
public enum FieldType {
    ANY, TEXT, LIST, MAP, LIST_OR_MAP, TEXT_OR_LIST, NUMBER_OR_TEXT, FLAG, ITERATOR, STEPS, BRANCHES, SYNC, VERSION;

    /** Null when the node fits, else what was expected, for the message. */
    String misfit(YNode node) {
        if (YNode.isNull(node) || this == ANY) {
            return null;
        }
        boolean scalar = node instanceof YNode.Scalar;
        boolean text = scalar && ((YNode.Scalar) node).value() instanceof String;
        // Text with $(…) or <| |> is only known at run time: it may become a list or a number.
        boolean dynamic = text && salvo.sequence.expr.Expander.hasMarkers((String) ((YNode.Scalar) node).value());
        return switch (this) {
            case TEXT -> scalar ? null : "a single value (text)";
            case LIST -> node instanceof YNode.Seq || dynamic ? null : "a list ([a, b] or '- ' lines)";
            case MAP -> node instanceof YNode.Map || dynamic ? null : "a mapping (key: value)";
            case LIST_OR_MAP -> node instanceof YNode.Seq || node instanceof YNode.Map || dynamic ? null
                    : "a list of mappings or one mapping";
            case TEXT_OR_LIST -> scalar || node instanceof YNode.Seq ? null : "a value or a list of values";
            case NUMBER_OR_TEXT -> scalar && !(((YNode.Scalar) node).value() instanceof Boolean) ? null
                    : "a number or a text such as \"1h 30m\"";
            case FLAG -> scalar ? null : "true or false (or an expression)";
            case ITERATOR -> scalar && !(((YNode.Scalar) node).value() instanceof Boolean) || node instanceof YNode.Seq ? null
                    : "a count, a list, or a text that expands to one";
            case STEPS -> node instanceof YNode.Seq ? null : "a list of steps ('- item: {fields}')";
            case BRANCHES -> node instanceof YNode.Seq ? null : "a list of branches ('- name: ...' with steps)";
            case SYNC -> scalar && List.of("all", "any").contains(String.valueOf(((YNode.Scalar) node).value())) ? null
                    : "all or any";
            case VERSION -> scalar && List.of("1.0", "2.0").contains(String.valueOf(((YNode.Scalar) node).value())) ? null
                    : "\"1.0\" or \"2.0\"";
            case ANY -> null;
        };
    }
}
