package salvo.terminal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Signals;

/**
 * A full-screen view while it runs: the screen taken over, frames redrawn a few times a second
 * and after each key, keys read on their own thread, and the terminal given back exactly once,
 * whatever ends it (the view's end, a drawing bug, a signal's shutdown hook).
 */
public final class FullScreen implements AutoCloseable {
    /** 5 frames a second: smooth clocks, and Display only rewrites the lines that changed. */
    public static final long FRAME_MILLIS = 200;

    /** What to draw at a size. */
    public interface Frames {
        List<AttributedString> frame(int width, int height);
    }

    private final Terminal terminal;
    private final TerminalScreen screen;
    private final Frames frames;
    private final Runnable afterRestore;
    private final boolean ownsTerminal;
    private final KeyReader keys;
    private final ScheduledExecutorService refresher;
    private final Thread shutdownHook = new Thread(this::close, "salvo-terminal-restore");
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private Object previousWinchHandler;
    private volatile Thread refreshThread;
    private volatile Throwable failure;

    /**
     * @param rawOut       where the restoring sequences go if JLine closed the terminal first
     * @param ownsTerminal true for the system terminal: closed at the end, SIGWINCH watched
     * @param afterRestore runs once the terminal is back (a summary for the normal screen), even from the hook
     */
    private FullScreen(Terminal terminal, OutputStream rawOut, boolean ownsTerminal, Frames frames,
                       Consumer<Keystroke> onKey, Runnable afterRestore) {
        this.terminal = terminal;
        this.screen = new TerminalScreen(terminal, rawOut);
        this.frames = frames;
        this.ownsTerminal = ownsTerminal;
        this.afterRestore = afterRestore;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-terminal-refresh");
            t.setDaemon(true);
            refreshThread = t;
            return t;
        });
        this.keys = new KeyReader(terminal.reader(), key -> {
            onKey.accept(key);
            redrawSoon();
        });
    }

    /** Takes the screen over and starts drawing and reading keys. */
    public static FullScreen start(Terminal terminal, OutputStream rawOut, boolean ownsTerminal, Frames frames,
                                   Consumer<Keystroke> onKey, Runnable afterRestore) {
        FullScreen s = new FullScreen(terminal, rawOut, ownsTerminal, frames, onKey, afterRestore);
        // The hook first: a signal arriving while the screen is taken over must still restore it.
        Runtime.getRuntime().addShutdownHook(s.shutdownHook);
        try {
            s.screen.enter();
            terminal.handle(Terminal.Signal.WINCH, signal -> s.redrawSoon());
            if (ownsTerminal) {
                s.previousWinchHandler = Signals.register("WINCH", () -> terminal.raise(Terminal.Signal.WINCH));
            }
            s.refresher.scheduleWithFixedDelay(s::redraw, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
            s.keys.start();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public void redrawSoon() {
        try {
            refresher.execute(this::redraw);
        } catch (RejectedExecutionException closing) {
            // Closed meanwhile: nothing to draw on.
        }
    }

    private void redraw() {
        if (closed.get()) {
            return;
        }
        try {
            screen.checkSize();
            screen.draw(frames.frame(screen.width(), screen.height()));
        } catch (Throwable e) {
            // A drawing bug must not leave the terminal raw: give it back, the work goes on.
            failure = e;
            close();
        }
    }

    /** Lets Ctrl-C signal again: the escape hatch when a graceful stop takes too long. */
    public void allowSignals() {
        screen.allowSignals();
    }

    public int width() {
        return screen.width();
    }

    public int height() {
        return screen.height();
    }

    /** What went wrong while drawing or restoring, or null. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Gives the terminal back (normal screen, cursor, line discipline), then runs the after-restore
     * step. Idempotent; a second caller waits for the first, so the JVM cannot exit with the screen
     * half restored.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            try {
                closeDone.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            keys.stop();
            stopRefresher();
            try {
                screen.restore();
            } catch (RuntimeException e) {
                // Go on: what follows matters more than a tidy screen.
                failure = failure != null ? failure : e;
            }
            if (previousWinchHandler != null) {
                Signals.unregister("WINCH", previousWinchHandler);
            }
            if (ownsTerminal) {
                try {
                    terminal.close();
                } catch (IOException | RuntimeException ignored) {
                    // Best effort: the screen was already restored.
                }
            }
            afterRestore.run();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // Called from the hook itself, or the JVM is already exiting.
            }
        } finally {
            closeDone.countDown();
        }
    }

    private void stopRefresher() {
        refresher.shutdownNow();
        if (Thread.currentThread() != refreshThread) {
            try {
                refresher.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
