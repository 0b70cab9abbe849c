package salvo.sequence.expr;

import java.util.Optional;
import salvo.sequence.expr.SimpleParser.Compare;
import salvo.sequence.expr.SimpleParser.Const;
import salvo.sequence.expr.SimpleParser.Name;
import salvo.sequence.expr.SimpleParser.Node;
import salvo.sequence.expr.SimpleParser.Unary;

/**
 * What a check's comparison says about one quantity: {@code 4.9 < voltage <= 5.1},
 * {@code current < 2}, {@code count == 3}. Only a comparison of a single name with number
 * literals says it; anything else (two names, arithmetic, calls) says nothing. Pure.
 *
 * @param low  null when nothing bounds it from below
 * @param high null when nothing bounds it from above
 */
public record Limits(String name, Double low, Double high) {
    /** The quantity an expression compares with constant limits, if it is that kind of expression. */
    public static Optional<Limits> of(String expression) {
        Node node;
        try {
            node = SimpleParser.parse(expression);
        } catch (SimpleParser.Unsupported e) {
            return Optional.empty();
        }
        if (!(node instanceof Compare c)) {
            return Optional.empty();
        }
        String name = null;
        Double low = null;
        Double high = null;
        for (int i = 0; i < c.ops().size(); i++) {
            Node left = c.operands().get(i);
            Node right = c.operands().get(i + 1);
            String op = c.ops().get(i);
            boolean nameLeft = left instanceof Name;
            Node named = nameLeft ? left : right;
            Double bound = number(nameLeft ? right : left);
            if (!(named instanceof Name n) || bound == null || (name != null && !name.equals(n.name()))) {
                return Optional.empty(); // not one name against numbers
            }
            name = n.name();
            // Read as "name OP bound": a bound on the left flips the operator.
            String asIfLeft = nameLeft ? op : flipped(op);
            switch (asIfLeft) {
                case "<", "<=" -> high = high == null ? bound : Math.min(high, bound);
                case ">", ">=" -> low = low == null ? bound : Math.max(low, bound);
                case "==" -> {
                    low = bound;
                    high = bound;
                }
                default -> { } // != bounds nothing
            }
        }
        return Optional.of(new Limits(name, low, high));
    }

    private static String flipped(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static Double number(Node n) {
        if (n instanceof Const k && k.value() instanceof Number v && !(k.value() instanceof Boolean)) {
            return v.doubleValue();
        }
        if (n instanceof Unary u && number(u.operand()) != null) {
            double v = number(u.operand());
            return u.op() == '-' ? -v : v;
        }
        return null;
    }
}
