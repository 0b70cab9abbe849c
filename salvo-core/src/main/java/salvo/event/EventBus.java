package salvo.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers events to every listener, one event at a time, so each sink sees one ordered stream
 * even though workers publish from many threads. A failing sink is reported once and dropped:
 * a display bug must never cost the user their results.
 */
public final class EventBus implements RunListener {
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    public EventBus register(RunListener listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public synchronized void on(RunEvent event) {
        for (RunListener l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException e) {
                listeners.remove(l);
                System.err.println("salvo: a display component failed and was switched off: " + e);
            }
        }
    }
}
