package salvo.schedule;

import java.util.List;

/**
 * --dist no: one worker runs everything, file by file in discovery order, as a plain serial run would;
 * every other worker is stopped. If that worker is lost, the next to ask carries on.
 */
final class SingleWorkerScheduler implements Scheduler {
    private final FileSequence sequence;
    private final Roster roster = new Roster(1);
    private String owner;

    SingleWorkerScheduler(List<String> files) {
        this.sequence = new FileSequence(files);
    }

    @Override
    public void addWorker(String worker) {
        roster.add(worker);
    }

    @Override
    public List<String> removeWorker(String worker) {
        roster.remove(worker);
        if (!worker.equals(owner)) {
            return List.of();
        }
        owner = null;
        return sequence.abandon();
    }

    @Override
    public void collected(String worker, String file, List<TestItem> items) {
        requireOwner(worker);
        sequence.collected(worker, file, items);
    }

    @Override
    public void collectFailed(String worker, String file) {
        requireOwner(worker);
        sequence.collectFailed(worker, file);
    }

    @Override
    public void finished(String worker, String testId) {
        requireOwner(worker);
        sequence.finished(worker, testId);
    }

    @Override
    public Work next(String worker) {
        roster.requireLive(worker);
        if (roster.admit(worker)) {
            owner = worker;
            Work work = sequence.next(worker).orElse(null);
            if (work != null) {
                return work;
            }
        }
        roster.stop(worker);
        return new Work.Stop();
    }

    @Override
    public boolean isFinished() {
        return sequence.done();
    }

    private void requireOwner(String worker) {
        roster.requireLive(worker);
        if (!worker.equals(owner)) {
            throw new IllegalStateException(worker + " reported work it was not given: " + owner + " runs everything");
        }
    }
}
