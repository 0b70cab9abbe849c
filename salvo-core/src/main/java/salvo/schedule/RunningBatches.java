package salvo.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run each worker is busy with: its unfinished tests and the lane they came from. */
final class RunningBatches {
    private record Batch(Lane lane, Map<String, Queued> unfinished) {}

    private final Map<String, Batch> byWorker = new HashMap<>();

    void start(String worker, Lane lane, List<Queued> tests) {
        Map<String, Queued> unfinished = new LinkedHashMap<>();
        tests.forEach(t -> unfinished.put(t.id(), t));
        byWorker.put(worker, new Batch(lane, unfinished));
    }

    boolean isBusy(String worker) {
        return byWorker.containsKey(worker);
    }

    boolean isEmpty() {
        return byWorker.isEmpty();
    }

    void finished(String worker, String testId) {
        Batch batch = byWorker.get(worker);
        Queued test = batch == null ? null : batch.unfinished().remove(testId);
        if (test == null) {
            throw new IllegalStateException(worker + " finished " + testId + ", which it was not running");
        }
        batch.lane().finished(test);
        if (batch.unfinished().isEmpty()) {
            byWorker.remove(worker);
        }
    }

    /** The worker is lost: its unfinished tests go back to their lane; returns their ids. */
    List<String> abandon(String worker) {
        Batch batch = byWorker.remove(worker);
        if (batch == null) {
            return List.of();
        }
        List<Queued> tests = new ArrayList<>(batch.unfinished().values());
        batch.lane().requeue(tests);
        return tests.stream().map(Queued::id).toList();
    }
}
