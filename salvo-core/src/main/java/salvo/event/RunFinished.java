package salvo.event;

import salvo.model.RunRecord;

/** The run ended (completed, stopped on a failure, or interrupted) and its record is final. */
public record RunFinished(RunRecord record) implements RunEvent {
    @Override
    public String runId() {
        return record.info().id();
    }
}
