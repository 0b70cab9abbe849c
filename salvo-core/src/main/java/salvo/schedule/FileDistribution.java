package salvo.schedule;

import java.util.List;

/**
 * --dist loadfile: a file's tests run together on the worker that imported it; another worker
 * takes them only when no live worker has the file imported (its collector died).
 */
final class FileDistribution implements Distribution {

    @Override
    public String bucketOf(TestItem test) {
        return test.file();
    }

    @Override
    public long rank(Bucket bucket) {
        return bucket.total();
    }

    @Override
    public List<Queued> cut(Bucket bucket, long share) {
        return bucket.byPriority();
    }

    @Override
    public boolean sharesFiles() {
        return false;
    }
}
