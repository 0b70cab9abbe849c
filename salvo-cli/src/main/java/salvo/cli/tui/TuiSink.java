package salvo.cli.tui;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Signals;
import salvo.event.RunEvent;
import salvo.event.RunFinished;
import salvo.event.RunListener;
import salvo.terminal.TerminalScreen;
import salvo.terminal.TerminalSupport;
import salvo.terminal.KeyReader;
import salvo.terminal.Keystroke;

/**
 * The full-screen dashboard of {@code salvo run --tui}: a sink of the run's event stream that
 * redraws a few times a second, answers keys, and on close gives the terminal back and prints the
 * failure summary to the normal screen.
 */
public final class TuiSink implements RunListener, AutoCloseable {
    /** 5 frames a second: smooth clocks, and Display only rewrites the lines that changed. */
    static final long FRAME_MILLIS = 200;

    private final Terminal terminal;
    private final TerminalScreen screen;
    private final Dashboard dashboard;
    private final Runnable requestStop;
    private final PrintStream summaryOut;
    private final ConsoleCapture console;
    private final ScheduledExecutorService refresher;
    private final KeyReader keys;
    private final Thread shutdownHook = new Thread(this::close, "salvo-tui-restore");
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    /** True for the system terminal, which this sink opened and must close. */
    private boolean ownsTerminal;
    private Object previousWinchHandler;
    private volatile Thread refreshThread;
    private volatile Throwable failure;
    private int stopPresses;

    private TuiSink(Terminal terminal, OutputStream rawOut, Palette palette, Clock clock, Runnable requestStop,
                    PrintStream summaryOut, ConsoleCapture console) {
        this.terminal = terminal;
        this.screen = new TerminalScreen(terminal, rawOut);
        this.dashboard = new Dashboard(palette, clock);
        this.requestStop = requestStop;
        this.summaryOut = summaryOut;
        this.console = console;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-tui-refresh");
            t.setDaemon(true);
            refreshThread = t;
            return t;
        });
        this.keys = new KeyReader(terminal.reader(), this::onKey);
    }

    /**
     * Opens the full-screen dashboard, or returns empty after printing a one-line notice to
     * {@code notices} when stdout is not a terminal or TERM is dumb/unset (the caller then uses
     * plain output).
     *
     * @param requestStop what Ctrl-C does: the runner ends the workers, stores the partial run and
     *                    then sends RunFinished; called when the user presses q or Ctrl-C
     */
    public static Optional<TuiSink> open(PrintStream notices, Runnable requestStop) {
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(requestStop, "requestStop");
        Optional<String> unsupported = TerminalSupport.problemWithTerm(System.getenv("TERM"));
        if (unsupported.isPresent()) {
            notices.println(notice(unsupported.get()));
            return Optional.empty();
        }
        Terminal terminal;
        try {
            terminal = TerminalSupport.openSystem();
        } catch (IOException | RuntimeException e) {
            notices.println(notice("cannot open the terminal: " + e.getMessage()));
            return Optional.empty();
        }
        Optional<String> problem = TerminalSupport.problemWithTerminal(terminal);
        if (problem.isPresent()) {
            closeQuietly(terminal);
            notices.println(notice(problem.get()));
            return Optional.empty();
        }
        Integer colours = terminal.getNumericCapability(Capability.max_colors);
        Palette palette = Palette.fromEnvironment(System.getenv("NO_COLOR"), colours == null ? 0 : colours);
        ConsoleCapture console = ConsoleCapture.start();
        TuiSink sink = new TuiSink(terminal, new FileOutputStream(FileDescriptor.out), palette, Clock.systemUTC(),
                requestStop, console.originalOut(), console);
        try {
            sink.start(true);
        } catch (RuntimeException e) {
            sink.close();
            notices.println(notice("cannot draw on the terminal: " + e));
            return Optional.empty();
        }
        return Optional.of(sink);
    }

    /**
     * For tests: a dashboard on a terminal of the caller's making (which the caller closes),
     * printing its summary to {@code summaryOut}.
     */
    static TuiSink openOn(Terminal terminal, Palette palette, Clock clock, Runnable requestStop, PrintStream summaryOut) {
        TuiSink sink = new TuiSink(terminal, terminal.output(), palette, clock, requestStop, summaryOut, null);
        sink.start(false);
        return sink;
    }

    private void start(boolean systemTerminal) {
        // The hook first: a signal arriving while the screen is taken over must still restore it.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        screen.enter();
        terminal.handle(Terminal.Signal.WINCH, signal -> redrawSoon());
        ownsTerminal = systemTerminal;
        if (systemTerminal) {
            previousWinchHandler = Signals.register("WINCH", () -> terminal.raise(Terminal.Signal.WINCH));
        }
        refresher.scheduleWithFixedDelay(this::redraw, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
        keys.start();
    }

    @Override
    public void on(RunEvent event) {
        dashboard.on(event);
        if (event instanceof RunFinished) {
            redrawSoon();
        }
    }

    private void onKey(Keystroke keystroke) {
        DashboardKeys.of(keystroke).ifPresent(this::onKey);
    }

    private void onKey(Key key) {
        if (key == Key.STOP) {
            stopPresses++;
            if (stopPresses > 1) {
                // Asked twice: let a further Ctrl-C reach the JVM as a signal, in case stopping hangs.
                screen.allowSignals();
            }
            Thread stopper = new Thread(requestStop, "salvo-tui-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
        dashboard.onKey(key);
        redrawSoon();
    }

    private void redrawSoon() {
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
            screen.draw(dashboard.frame(screen.width(), screen.height()).lines());
        } catch (Throwable e) {
            // A drawing bug must not leave the terminal raw: give it back, the run goes on.
            failure = e;
            close();
        }
    }

    /**
     * Restores the terminal exactly (leave alternate screen, cursor visible, echo/cooked mode),
     * then prints the failure summary table to the normal screen. Idempotent; safe from a
     * shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            restoreAndReport();
        } finally {
            closeDone.countDown();
        }
    }

    /**
     * A second caller (the run's end while a signal's shutdown hook is closing) waits for the
     * first, so the JVM cannot exit with the screen half restored.
     */
    private void awaitClosed() {
        try {
            closeDone.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void restoreAndReport() {
        keys.stop();
        stopRefresher();
        int width = screen.width();
        try {
            screen.restore();
        } catch (RuntimeException e) {
            // Go on: the summary and the held-back output matter more than a tidy screen.
            failure = failure != null ? failure : e;
        }
        if (previousWinchHandler != null) {
            Signals.unregister("WINCH", previousWinchHandler);
        }
        if (ownsTerminal) {
            closeQuietly(terminal);
        }
        String held = console == null ? "" : console.stop();
        for (String line : FailureSummary.lines(dashboard.snapshot(), width, dashboard.now())) {
            summaryOut.println(line);
        }
        summaryOut.flush();
        if (!held.isEmpty()) {
            System.err.print(held);
        }
        if (failure != null) {
            System.err.println("salvo: the dashboard failed (the run itself was not affected):");
            failure.printStackTrace();
        }
        removeShutdownHook();
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

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself, or the JVM is already exiting.
        }
    }

    private static String notice(String reason) {
        return "salvo: --tui needs an interactive terminal (" + reason + "); using plain output";
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException | RuntimeException ignored) {
            // Best effort: the screen was already restored.
        }
    }

    /** For tests: what the dashboard would draw now. */
    Frame currentFrame() {
        return dashboard.frame(screen.width(), screen.height());
    }
}
