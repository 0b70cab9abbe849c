package salvo.sequence.engine;

import java.util.Map;
import java.util.Optional;
import salvo.model.Measurement;
import salvo.sequence.expr.Expander;
import salvo.sequence.expr.Limits;
import salvo.sequence.expr.PyRepr;

/**
 * What a check measured (beyond the original: §3.4 keeps only the verdict): a value written as
 * {@code <| 4.9 < $(voltage) < 5.1 |>} or {@code <| $(vmin) <= $(voltage) <= $(vmax) |>} is the
 * quantity {@code voltage}, its number now and its limits, with its unit from the check's
 * {@code units: {voltage: V}} when given. Salvo stores it, so history and compare show it drifting
 * across runs. A value of another shape measures nothing.
 */
final class CheckMeasurements {
    /** Stands for the measured reference while the rest is substituted: not a name a sequence uses. */
    private static final String MEASURED = "_salvo_measured_";

    private CheckMeasurements() {}

    static Optional<Measurement> of(Object raw, Frame frame) {
        if (!(raw instanceof String text)) {
            return Optional.empty();
        }
        Optional<String> expression = Expander.wholeExpression(text);
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        // The measured one is the reference whose place leaves a name compared with numbers.
        for (String name : Expander.referenceNames(expression.get())) {
            String kept = expression.get().replace("$(" + name + ")", MEASURED);
            Optional<Limits> limits = Limits.of(Expander.substitute(kept, frame.scope()))
                    .filter(l -> l.name().equals(MEASURED));
            if (limits.isPresent()) {
                return measured(name, limits.get(), frame);
            }
        }
        return Optional.empty();
    }

    private static Optional<Measurement> measured(String name, Limits limits, Frame frame) {
        Object value = frame.scope().lookup(name);
        if (!(value instanceof Number n) || value instanceof Boolean || !Double.isFinite(n.doubleValue())) {
            return Optional.empty();
        }
        Object units = frame.field("units");
        Object unit = units instanceof Map<?, ?> m ? m.get(name) : null;
        return Optional.of(new Measurement(name, n.doubleValue(), limits.low(), limits.high(),
                unit == null ? "" : PyRepr.str(unit)));
    }
}
