package salvo.execute;

import salvo.event.RunEvents;
import salvo.model.WorkerRef;

/** What a unit runner may use: its worker, the run's event stream, and the run's control. */
public record WorkerContext(WorkerRef worker, RunEvents events, RunControl control) {
}
