package salvo.cli.tui;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import salvo.event.RunEvent;
import salvo.event.RunFinished;
import salvo.event.RunListener;
import salvo.terminal.FullScreen;
import salvo.terminal.Keystroke;
import salvo.terminal.TerminalSupport;

/**
 * The full-screen dashboard of {@code salvo run --tui}: a sink of the run's event stream that
 * redraws a few times a second, answers keys, and on close gives the terminal back and prints the
 * failure summary to the normal screen.
 */
public final class TuiSink implements RunListener, AutoCloseable {
    static final long FRAME_MILLIS = FullScreen.FRAME_MILLIS;

    private final Terminal terminal;
    private final OutputStream rawOut;
    private final Dashboard dashboard;
    private final Runnable requestStop;
    private final PrintStream summaryOut;
    private final ConsoleCapture console;
    private volatile FullScreen screen;
    private int stopPresses;

    private TuiSink(Terminal terminal, OutputStream rawOut, Palette palette, Clock clock, Runnable requestStop,
                    PrintStream summaryOut, ConsoleCapture console, Map<String, Integer> testsLastRun) {
        this.terminal = terminal;
        this.rawOut = rawOut;
        this.dashboard = new Dashboard(palette, clock, testsLastRun);
        this.requestStop = requestStop;
        this.summaryOut = summaryOut;
        this.console = console;
    }

    /**
     * Opens the full-screen dashboard, or returns empty after printing a one-line notice to
     * {@code notices} when stdout is not a terminal or TERM is dumb/unset (the caller then uses
     * plain output).
     *
     * @param requestStop what Ctrl-C does: the runner ends the workers, stores the partial run and
     *                    then sends RunFinished; called when the user presses q or Ctrl-C
     * @param testsLastRun tests per unit in the last stored run, to estimate the total before
     *                     every file is collected
     */
    public static Optional<TuiSink> open(PrintStream notices, Runnable requestStop, Map<String, Integer> testsLastRun) {
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
                requestStop, console.originalOut(), console, testsLastRun);
        try {
            sink.start(true);
        } catch (RuntimeException e) {
            // The screen gave the terminal back already.
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
        TuiSink sink = new TuiSink(terminal, terminal.output(), palette, clock, requestStop, summaryOut, null, Map.of());
        sink.start(false);
        return sink;
    }

    private void start(boolean systemTerminal) {
        screen = FullScreen.start(terminal, rawOut, systemTerminal, (width, height) -> dashboard.frame(width, height).lines(), this::onKey, this::report);
    }

    @Override
    public void on(RunEvent event) {
        dashboard.on(event);
        if (event instanceof RunFinished) {
            redrawSoon();
        }
    }

    private void onKey(Keystroke keystroke) {
        DashboardKeys.of(keystroke).ifPresent(this::handle);
    }

    private void handle(Key key) {
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
    }

    private void redrawSoon() {
        screen.redrawSoon();
    }

    /** Restores the terminal exactly, then prints the failure summary table to the normal screen. Idempotent. */
    @Override
    public void close() {
        FullScreen s = screen;
        if (s != null) {
            s.close();
        }
    }

    /** After the terminal is back: the failure summary, the output held back meanwhile, a drawing failure. */
    private void report() {
        String held = console == null ? "" : console.stop();
        for (String line : FailureSummary.lines(dashboard.snapshot(), screen.width(), dashboard.now())) {
            summaryOut.println(line);
        }
        summaryOut.flush();
        if (!held.isEmpty()) {
            System.err.print(held);
        }
        Throwable failure = screen.failure();
        if (failure != null) {
            System.err.println("salvo: the dashboard failed (the run itself was not affected):");
            failure.printStackTrace();
        }
    }

    private static String notice(String reason) {
        return "salvo: --tui needs an interactive terminal (" + reason + "); using plain output";
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException | RuntimeException ignored) {
            // Best effort: nothing was drawn on it.
        }
    }

    /** For tests: what the dashboard would draw now. */
    Frame currentFrame() {
        return dashboard.frame(screen.width(), screen.height());
    }
}
