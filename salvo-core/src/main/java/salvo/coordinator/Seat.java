package salvo.coordinator;

import salvo.model.WorkerRef;
import salvo.worker.Transport;
import salvo.worker.WorkerSpec;

/**
 * One place a persistent worker can be started: its name, the transport that reaches where it
 * runs, and what to start there.
 *
 * @param remote      its worker runs on another host: a lost connection means the host is gone
 * @param environment the name of its --tx environment ("" on this machine without --tx): under
 *                    --dist each over several environments, each result is that environment's
 */
public record Seat(WorkerRef ref, Transport transport, WorkerSpec spec, boolean remote, String environment) {
    public Seat {
        java.util.Objects.requireNonNull(environment, "environment");
    }
}
