package salvo.model;

/**
 * Whether a run went to its end. RUNNING is what the journal says while a run goes on;
 * INCOMPLETE is a RUNNING run whose Salvo died (killed, crashed, machine lost), found later.
 */
public enum RunStatus { COMPLETED, INTERRUPTED, STOPPED_ON_FAILURE, RUNNING, INCOMPLETE }
