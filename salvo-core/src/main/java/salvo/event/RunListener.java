package salvo.event;

/** A sink of the run's event stream. Called from one thread at a time, in event order. */
@FunctionalInterface
public interface RunListener {
    void on(RunEvent event);
}
