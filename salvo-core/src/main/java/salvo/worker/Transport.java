package salvo.worker;

import java.io.IOException;
import java.util.function.Consumer;
import salvo.model.WorkerRef;

/**
 * Starts workers somewhere and carries what they say: local processes today, ssh and workers
 * that connect later. Every signal of a worker reaches {@code inbox} in order, ending with
 * {@link WorkerSignal.Exited}; the inbox may be called from any thread.
 */
public interface Transport {
    WorkerHandle launch(WorkerSpec spec, WorkerRef ref, Consumer<WorkerSignal> inbox) throws IOException;
}
