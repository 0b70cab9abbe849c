package salvo.sequence.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import salvo.sequence.load.Step;

/**
 * Where items wait for the operator (§5.3): after its banner, an item waits while the run is
 * paused; a breakpoint on it, or a step taken, pauses the run there. A stop ends the wait. The
 * operator's keys call pause, resume, step and toggle from their own thread.
 */
public final class Pauses {
    private static final long POLL_MILLIS = 50;

    private final Set<String> breakpoints = new LinkedHashSet<>();
    private final Set<Step> waiting = new LinkedHashSet<>();
    /** Read without the lock on every item: a run nobody pauses pays one volatile read per item. */
    private volatile boolean armed;
    private boolean paused;
    private boolean stepping;

    /**
     * Called by the engine after an item's banner; returns when it may go on: true, or false when a
     * stop reached it while it waited.
     */
    boolean await(Step step, Stop stop) {
        if (!armed) {
            return true;
        }
        synchronized (this) {
            if (breakpoints.contains(step.id()) || stepping) {
                paused = true;
                stepping = false;
            }
            if (!paused) {
                return true;
            }
            waiting.add(step);
            try {
                while (paused && !stop.stopped()) {
                    wait(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.remove(step);
            }
            return !stop.stopped();
        }
    }

    public synchronized void pause() {
        paused = true;
        arm();
    }

    public synchronized void resume() {
        paused = false;
        stepping = false;
        arm();
        notifyAll();
    }

    /** Lets the waiting items go and pauses again at the next item to start. */
    public synchronized void step() {
        paused = false;
        stepping = true;
        arm();
        notifyAll();
    }

    /** Sets or clears the breakpoint on an item; true when it is now set. */
    public synchronized boolean toggleBreakpoint(Step step) {
        boolean set = !breakpoints.remove(step.id());
        if (set) {
            breakpoints.add(step.id());
        }
        arm();
        return set;
    }

    public synchronized boolean paused() {
        return paused;
    }

    public synchronized boolean hasBreakpoint(Step step) {
        return breakpoints.contains(step.id());
    }

    /** The items waiting now, in the order they arrived. */
    public synchronized List<Step> waiting() {
        return List.copyOf(waiting);
    }

    private void arm() {
        armed = paused || stepping || !breakpoints.isEmpty();
    }
}
