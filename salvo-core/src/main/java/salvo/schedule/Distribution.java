package salvo.schedule;

import java.util.List;

/**
 * What a mode in which workers share one pool of tests decides: which tests travel together,
 * which go first, how much one run takes, and whether a file's tests may leave the worker
 * that imported it.
 */
interface Distribution {

    /** Tests with the same key may share a run (a key never spans files). */
    String bucketOf(TestItem test);

    /** Larger goes first. */
    long rank(Bucket bucket);

    /**
     * The tests of {@code bucket} for one run, a non-empty subset.
     *
     * @param share the remaining work divided by twice the number of workers
     */
    List<Queued> cut(Bucket bucket, long share);

    /** Whether an idle worker may take tests of a file another live worker has imported. */
    boolean sharesFiles();
}
