package salvo.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * --dist each: every worker collects every file itself and runs every test (xdist runs
 * the suite once per worker environment). A lost worker's remaining sequence is handed to the
 * next worker that is added, as xdist hands a removed node's pending tests to its replacement.
 */
final class EachScheduler implements Scheduler {
    private final List<String> files;
    private final Roster roster;
    private final Map<String, FileSequence> sequences = new HashMap<>();
    private final Deque<FileSequence> orphans = new ArrayDeque<>();
    private int started;

    /** @param files in the order each worker collects them */
    EachScheduler(List<String> files, int workers) {
        this.files = List.copyOf(files);
        this.roster = new Roster(files.isEmpty() ? 0 : workers);
    }

    @Override
    public void addWorker(String worker) {
        roster.add(worker);
    }

    @Override
    public List<String> removeWorker(String worker) {
        roster.remove(worker);
        FileSequence sequence = sequences.remove(worker);
        if (sequence == null) {
            return List.of();
        }
        List<String> requeued = sequence.abandon();
        if (!sequence.done()) {
            orphans.add(sequence);
        }
        return requeued;
    }

    @Override
    public void collected(String worker, String file, List<TestItem> items) {
        sequenceOf(worker).collected(worker, file, items);
    }

    @Override
    public void collectFailed(String worker, String file) {
        sequenceOf(worker).collectFailed(worker, file);
    }

    @Override
    public void finished(String worker, String testId) {
        sequenceOf(worker).finished(worker, testId);
    }

    @Override
    public Work next(String worker) {
        roster.requireLive(worker);
        FileSequence sequence = sequences.get(worker);
        if (sequence == null && roster.admit(worker)) {
            sequence = takeOver();
            if (sequence != null) {
                sequences.put(worker, sequence);
            }
        }
        Work work = sequence == null ? null : sequence.next(worker).orElse(null);
        if (work == null) {
            roster.stop(worker);
            return new Work.Stop();
        }
        return work;
    }

    @Override
    public boolean isFinished() {
        return files.isEmpty()
                || started > 0 && orphans.isEmpty() && sequences.values().stream().allMatch(FileSequence::done);
    }

    /** A lost worker's sequence, else a fresh one while fewer than the workers asked for exist. */
    private FileSequence takeOver() {
        if (!orphans.isEmpty()) {
            return orphans.poll();
        }
        if (started < roster.capacity()) {
            started++;
            return new FileSequence(files);
        }
        return null;
    }

    private FileSequence sequenceOf(String worker) {
        roster.requireLive(worker);
        FileSequence sequence = sequences.get(worker);
        if (sequence == null) {
            throw new IllegalStateException(worker + " reported work it was not given");
        }
        return sequence;
    }
}
