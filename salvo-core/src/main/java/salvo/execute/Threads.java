package salvo.execute;

/** Threads of Salvo's own: waiting for them, and pools of them that never keep the JVM alive. */
public final class Threads {
    private Threads() {}

    /**
     * A growing pool of daemon threads named {@code name}: for blocking work (waiting on a process,
     * a round trip to a host) that must neither queue behind other work nor outlive the run.
     */
    public static java.util.concurrent.ExecutorService daemons(String name) {
        return java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

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
