package salvo.coordinator;

import java.util.function.Function;
import salvo.worker.Losses;
import salvo.worker.NodeNames;

/**
 * What the coordinator needs to know of an adapter's workers beyond the protocol: how their wire
 * ids sit in the result tree, and how to say in one line why one could not start, from its
 * output (a framework knows its own start-up errors best).
 */
public record WorkerKind(NodeNames names, Function<String, String> startupFailure) {
    public static WorkerKind of(NodeNames names) {
        return new WorkerKind(names, Losses::lastMeaningfulLine);
    }
}
