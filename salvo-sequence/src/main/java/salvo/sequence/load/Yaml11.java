package salvo.sequence.load;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain scalars resolved the way PyYAML (YAML 1.1) does, which is what existing .tum files were
 * written against: yes/no/on/off are booleans, 017 is octal, 1:30 is 90, 1e3 stays text.
 */
final class Yaml11 {
    private static final Set<String> TRUE = Set.of("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Yaml11() {}

    static Object resolvePlain(String text) {
        if (NULL.contains(text)) {
            return null;
        }
        if (TRUE.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(text)) {
            return Boolean.FALSE;
        }
        if (INT.matcher(text).matches()) {
            return integer(text);
        }
        if (FLOAT.matcher(text).matches() && !text.equals(".") && !text.matches("[-+]?\\.")) {
            return floating(text);
        }
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    private static Object integer(String text) {
        String t = text.replace("_", "");
        int sign = 1;
        if (t.startsWith("-")) {
            sign = -1;
            t = t.substring(1);
        } else if (t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0b")) {
            value = new BigInteger(t.substring(2), 2);
        } else if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.contains(":")) {
            value = BigInteger.ZERO;
            for (String part : t.split(":")) {
                value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else if (t.length() > 1 && t.startsWith("0")) {
            value = new BigInteger(t.substring(1), 8);
        } else {
            value = new BigInteger(t);
        }
        value = sign < 0 ? value.negate() : value;
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Object floating(String text) {
        String t = text.replace("_", "");
        String lower = t.toLowerCase();
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.endsWith(".nan")) {
            return Double.NaN;
        }
        if (t.contains(":")) {
            boolean negative = t.startsWith("-");
            String body = t.replaceFirst("^[-+]", "");
            String[] parts = body.split(":");
            double value = 0;
            for (String part : parts) {
                value = value * 60 + Double.parseDouble(part);
            }
            return negative ? -value : value;
        }
        return Double.parseDouble(t);
    }
}
