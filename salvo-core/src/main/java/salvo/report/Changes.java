package salvo.report;

import java.util.List;

/**
 * Files or tests sorted into what happened to them between two runs. A failing newcomer is both
 * added and a new failure: it is new, and it is the thing to look at.
 */
public record Changes(List<Change> newFailures, List<Change> fixed, List<Change> stillFailing,
                      List<Change> added, List<Change> removed) {
    public Changes {
        newFailures = List.copyOf(newFailures);
        fixed = List.copyOf(fixed);
        stillFailing = List.copyOf(stillFailing);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
