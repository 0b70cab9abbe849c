package salvo.report;

import java.time.Instant;
import salvo.model.RunRecord;

/** Which run a report speaks of: enough to name it, without its results. */
public record RunRef(long id, String label, Instant started) {

    public static RunRef of(RunRecord run) {
        return new RunRef(run.id(), run.info().label(), run.info().started());
    }

    /** "#12", or the label for a run that was never stored. */
    public String name() {
        if (id != 0) {
            return "#" + id;
        }
        return label == null ? started.toString() : label;
    }
}
