package salvo.worker;

import java.util.concurrent.locks.LockSupport;

/**
 * How a reader of a worker's channel waits when it has read everything there is. A worker
 * writes a line per test as it happens (so nothing is lost if it dies), and on a stream of fast
 * tests a reader that wakes for every line spends more on waking, and on waking the coordinator,
 * than on the lines. So when the reader runs dry again soon after it last did, the stream is busy
 * and it waits a moment: what comes next arrives in one read and one hand-off. A quiet stream
 * (slow tests, a request and its answer) is read at once.
 */
final class ReadPacing {
    /** Dry again within this long of the last time: a busy stream. */
    static final long BUSY_NANOS = 5_000_000;
    /** How long a busy stream's reader waits: the most a line is delayed. */
    static final long PAUSE_NANOS = 2_000_000;

    private long lastDry = System.nanoTime() - BUSY_NANOS;

    /** Called when the reader has handed on all it read: it may pause before reading again. */
    void ranDry() {
        long now = System.nanoTime();
        boolean busy = now - lastDry < BUSY_NANOS;
        lastDry = now;
        if (busy) {
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
