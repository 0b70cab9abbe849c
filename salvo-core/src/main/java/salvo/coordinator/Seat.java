package salvo.coordinator;

import salvo.model.WorkerRef;
import salvo.worker.Transport;
import salvo.worker.WorkerSpec;

/**
 * One place a persistent worker can be started: its name, the transport that reaches where it
 * runs, and what to start there.
 *
 * @param remote its worker runs on another host: a lost connection means the host is gone
 */
public record Seat(WorkerRef ref, Transport transport, WorkerSpec spec, boolean remote) {}
