package salvo.event;

/**
 * One event of a run. Everything a user sees during a run is a sink of this one ordered stream.
 * Events are immutable, carry the id of their run, and are delivered in order, one at a time,
 * to every listener.
 */
public sealed interface RunEvent
        permits RunStarted, UnitStarted, UnitCollected, TestStarted, TestFinished, OutputChunk, UnitFinished, WorkerLost, RunFinished {
    String runId();
}
