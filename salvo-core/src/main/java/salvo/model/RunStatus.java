package salvo.model;

/** Whether a run went to its end. */
public enum RunStatus { COMPLETED, INTERRUPTED, STOPPED_ON_FAILURE }
