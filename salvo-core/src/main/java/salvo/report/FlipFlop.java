package salvo.report;

import java.util.List;
import salvo.model.Outcome;

/**
 * A unit that went from passing to failing, or back, more than once in a history window: a
 * sign of a flaky test or an order dependency rather than of a change in the code.
 *
 * @param sequence the unit's outcomes, oldest first, in the runs that ran it
 */
public record FlipFlop(String unitId, int flips, List<Outcome> sequence) {
    public FlipFlop {
        sequence = List.copyOf(sequence);
    }

    public String sequence(boolean unicode) {
        StringBuilder out = new StringBuilder();
        for (Outcome outcome : sequence) {
            out.append(Mark.of(outcome).symbol(unicode));
        }
        return out.toString();
    }
}
