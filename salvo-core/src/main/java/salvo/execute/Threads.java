package salvo.execute;

/** Waiting for the threads an execution started. */
final class Threads {
    private Threads() {}

    /** Waits for {@code t} even if interrupted meanwhile (a stop goes through RunControl), then restores the flag. */
    static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
