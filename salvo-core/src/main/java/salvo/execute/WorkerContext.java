package salvo.execute;

import salvo.event.RunListener;

/** What a unit runner may use: its worker's name, the event stream, and the run's control. */
public record WorkerContext(String worker, RunListener events, RunControl control) {
}
