package salvo.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * --dist load (and loadgroup, whose groups the pool handles for every mode): single tests,
 * longest first; a run holds tests of one file up to a share of what remains, so no worker takes
 * a long tail while others go idle, and never fewer than one test, so the last slow tests never
 * wait behind another worker's queue (xdist issues #894, #621).
 */
final class LoadDistribution implements Distribution {

    @Override
    public String bucketOf(TestItem test) {
        return test.file();
    }

    @Override
    public long rank(Bucket bucket) {
        return bucket.longest();
    }

    /** Longest first while the sum stays within max(the first test, share). */
    @Override
    public List<Queued> cut(Bucket bucket, long share) {
        List<Queued> candidates = bucket.byPriority();
        long limit = Math.max(candidates.get(0).weight(), share);
        List<Queued> batch = new ArrayList<>();
        long sum = 0;
        for (Queued test : candidates) {
            if (batch.isEmpty() || sum + test.weight() <= limit) {
                batch.add(test);
                sum += test.weight();
            }
        }
        return batch;
    }

    @Override
    public boolean sharesFiles() {
        return true;
    }
}
