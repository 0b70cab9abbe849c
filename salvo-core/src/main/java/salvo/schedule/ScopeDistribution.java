package salvo.schedule;

import java.util.List;

/**
 * --dist loadscope: a scope (module, or class) runs whole, in one run, so its module- or
 * class-scoped fixtures are set up once; scopes go longest first to any worker, preferring the
 * one that imported the file.
 */
final class ScopeDistribution implements Distribution {

    @Override
    public String bucketOf(TestItem test) {
        // Scopes are module-qualified, but keying by file too keeps a key within one file regardless.
        return test.file() + "\n" + test.scope();
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
        return true;
    }
}
