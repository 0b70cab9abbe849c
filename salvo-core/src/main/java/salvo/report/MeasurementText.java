package salvo.report;

import java.util.Locale;
import java.util.stream.Collectors;
import salvo.model.Measurement;

/** A {@link MeasurementTrend} as one line: {@code test  voltage  5.02 5.04 5.07 V  (+0.05)  limits [4.9, 5.1]}. */
final class MeasurementText {
    private MeasurementText() {}

    static String line(MeasurementTrend t) {
        Measurement last = t.latest();
        String values = t.values().stream().map(v -> v == null ? "-" : number(v)).collect(Collectors.joining(" "));
        StringBuilder line = new StringBuilder(t.testId()).append("  ").append(t.name()).append("  ").append(values);
        if (!last.unit().isEmpty()) {
            line.append(' ').append(last.unit());
        }
        if (t.drift() != 0) {
            line.append("  (").append(t.drift() > 0 ? "+" : "").append(number(t.drift())).append(')');
        }
        if (last.low() != null || last.high() != null) {
            line.append("  limits ").append(last.low() == null ? "(-inf" : "[" + number(last.low())).append(", ")
                    .append(last.high() == null ? "inf)" : number(last.high()) + "]");
            if (!last.withinLimits()) {
                line.append("  OUT OF LIMITS");
            }
        }
        return line.toString();
    }

    /** Up to 6 significant digits, without trailing zeros: 5.02, 0.000123, 1200. */
    static String number(double d) {
        String s = String.format(Locale.ROOT, "%.6g", d);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
