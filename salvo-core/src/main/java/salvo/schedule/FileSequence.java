package salvo.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One worker's way through files it must do all by itself (--dist each, --dist no): collect a
 * file, run all its tests in one run, then the next file. If the worker is lost, the sequence
 * carries on where it stopped on the worker that takes it over.
 */
final class FileSequence {
    private final Deque<String> files;
    private String collecting;
    private String current;
    private final List<String> queued = new ArrayList<>();
    private final Set<String> running = new LinkedHashSet<>();

    FileSequence(List<String> files) {
        this.files = new ArrayDeque<>(files);
    }

    /** The next work, or empty when every file is done. */
    Optional<Work> next(String worker) {
        if (collecting != null || !running.isEmpty()) {
            throw new IllegalStateException(worker + " asked for work before reporting what it was given");
        }
        if (!queued.isEmpty()) {
            running.addAll(queued);
            queued.clear();
            return Optional.of(new Work.Run(current, List.copyOf(running)));
        }
        collecting = files.poll();
        return Optional.ofNullable(collecting).map(Work.Collect::new);
    }

    void collected(String worker, String file, List<TestItem> items) {
        settle(worker, file);
        current = file;
        items.forEach(item -> queued.add(item.id()));
    }

    void collectFailed(String worker, String file) {
        settle(worker, file);
    }

    void finished(String worker, String testId) {
        if (!running.remove(testId)) {
            throw new IllegalStateException(worker + " finished " + testId + ", which it was not running");
        }
    }

    /** The worker is lost: what it was doing goes back to the front; returns the requeued ids. */
    List<String> abandon() {
        if (collecting != null) {
            files.addFirst(collecting);
            collecting = null;
        }
        List<String> requeued = List.copyOf(running);
        queued.addAll(0, requeued);
        running.clear();
        return requeued;
    }

    boolean done() {
        return collecting == null && files.isEmpty() && queued.isEmpty() && running.isEmpty();
    }

    private void settle(String worker, String file) {
        if (!file.equals(collecting)) {
            throw new IllegalStateException(worker + " reported " + file + ", which it was not asked to collect");
        }
        collecting = null;
    }
}
