package salvo.cli.tui;

import java.time.Clock;
import java.time.Instant;
import salvo.event.RunEvent;

/**
 * The dashboard without its terminal: events and keys go in, frames come out. Thread-safe, since
 * events arrive on the event bus's thread, keys on the key reader's and frames are drawn on the
 * refresh thread.
 */
final class Dashboard {
    private final DashboardState state;
    private final DashboardRenderer renderer;
    private final Clock clock;
    private ViewState view = ViewState.initial();
    private Frame last = Frame.EMPTY;

    /** @param testsLastRun tests per unit in the last stored run ({@code SqliteStore.testsPerUnit}) */
    Dashboard(Palette palette, Clock clock, java.util.Map<String, Integer> testsLastRun) {
        this.state = new DashboardState(testsLastRun);
        this.renderer = new DashboardRenderer(palette);
        this.clock = clock;
    }

    synchronized void on(RunEvent event) {
        state.apply(event, clock.instant());
    }

    /** Applies a key to the view; a stop key is only recorded here, the caller stops the run. */
    synchronized void onKey(Key key) {
        if (key == Key.STOP) {
            state.markStopping();
        }
        view = Navigation.next(view, key, state.failureCount(), last);
    }

    /** Renders outside the lock, so workers publishing events never wait for a frame. */
    Frame frame(int width, int height) {
        DashboardSnapshot snapshot;
        ViewState current;
        synchronized (this) {
            snapshot = state.snapshot();
            current = view;
        }
        Frame frame = renderer.render(snapshot, current, width, height, clock.instant());
        synchronized (this) {
            last = frame;
        }
        return frame;
    }

    synchronized DashboardSnapshot snapshot() {
        return state.snapshot();
    }

    synchronized ViewState view() {
        return view;
    }

    Instant now() {
        return clock.instant();
    }
}
