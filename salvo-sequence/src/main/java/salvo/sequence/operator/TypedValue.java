package salvo.sequence.operator;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import salvo.sequence.engine.DialogKind;

/**
 * What the operator typed in a value or note dialog, checked: never empty (an empty answer
 * would FAIL the item), and of the pre-fill's type when it has one, so a dialog that starts
 * at 3 gets a number back, as its auto_value would have given.
 */
record TypedValue(Object value, String error) {
    private static final Set<String> YES = Set.of("yes", "y", "true", "on");
    private static final Set<String> NO = Set.of("no", "n", "false", "off");

    boolean ok() {
        return error == null;
    }

    static TypedValue parse(String typed, Object prefill, DialogKind kind) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return invalid(kind == DialogKind.NOTE ? "write a note: an empty one fails the item"
                    : "type a value: an empty one fails the item");
        }
        if (kind == DialogKind.NOTE) {
            return new TypedValue(typed, null);
        }
        if (prefill instanceof Long || prefill instanceof Integer || prefill instanceof BigInteger) {
            try {
                BigInteger n = new BigInteger(text);
                return new TypedValue(n.bitLength() < 64 ? (Object) n.longValue() : n, null);
            } catch (NumberFormatException e) {
                return invalid("'" + text + "' is not a whole number (the default is " + prefill + ")");
            }
        }
        if (prefill instanceof Double || prefill instanceof Float) {
            try {
                return new TypedValue(Double.parseDouble(text), null);
            } catch (NumberFormatException e) {
                return invalid("'" + text + "' is not a number (the default is " + prefill + ")");
            }
        }
        if (prefill instanceof Boolean) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (YES.contains(lower) || NO.contains(lower)) {
                return new TypedValue(YES.contains(lower), null);
            }
            return invalid("'" + text + "' is not yes or no");
        }
        return new TypedValue(text, null);
    }

    private static TypedValue invalid(String why) {
        return new TypedValue(null, why);
    }
}
