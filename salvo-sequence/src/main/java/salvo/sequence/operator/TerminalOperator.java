package salvo.sequence.operator;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import salvo.sequence.engine.DialogAnswer;
import salvo.sequence.engine.DialogAnswers;
import salvo.sequence.engine.DialogKind;
import salvo.sequence.engine.DialogRequest;
import salvo.sequence.engine.Log;
import salvo.sequence.engine.Operator;
import salvo.sequence.engine.Pauses;
import salvo.sequence.engine.Progress;
import salvo.sequence.engine.Verdict;
import salvo.sequence.load.Step;
import salvo.terminal.FullScreen;
import salvo.terminal.Keystroke;
import salvo.terminal.TerminalSupport;

/**
 * The operator of {@code salvo seq run} at a terminal: the full-screen view of the run, which
 * answers its dialogs, pauses it and stops it from keys. The engine sees it only as an
 * {@link Operator}. When it closes, the terminal is given back and the item tree is printed with
 * its verdicts.
 */
public final class TerminalOperator implements DialogAnswers, Progress, AutoCloseable {
    private static final long STOP_POLL_MILLIS = 50;

    private final OperatorView view;
    private final Pauses pauses = new Pauses();
    private final Supplier<Map<String, Object>> dictionary;
    private final Runnable requestStop;
    private final OperatorRenderer renderer;
    private final PrintWriter summaryOut;
    /** One dialog at a time: parallel branches asking at once are answered in turn. */
    private final Object dialogTurn = new Object();
    private volatile FullScreen screen;
    private int stopPresses;

    private TerminalOperator(Step main, Supplier<Map<String, Object>> dictionary, Runnable stop, boolean colour,
                             PrintWriter summaryOut) {
        this.view = new OperatorView(main);
        this.dictionary = dictionary;
        this.requestStop = stop;
        this.renderer = new OperatorRenderer(colour);
        this.summaryOut = summaryOut;
    }

    /**
     * Takes the terminal over for the run of {@code main}; empty, after one line to
     * {@code notices} saying why, when stdin or stdout is not a terminal or TERM is dumb or unset.
     *
     * @param stop what the stop key does (a second press stops the cleanup too)
     */
    public static Optional<TerminalOperator> open(Step main, Supplier<Map<String, Object>> dictionary, Runnable stop,
                                                  boolean colour, PrintWriter summaryOut, Consumer<String> notices) {
        Optional<String> problem = System.console() == null ? Optional.of("stdin or stdout is not a terminal")
                : TerminalSupport.problemWithTerm(System.getenv("TERM"));
        if (problem.isPresent()) {
            notices.accept(problem.get());
            return Optional.empty();
        }
        Terminal terminal;
        try {
            terminal = TerminalSupport.openSystem();
        } catch (IOException | RuntimeException e) {
            notices.accept("cannot open the terminal: " + e.getMessage());
            return Optional.empty();
        }
        problem = TerminalSupport.problemWithTerminal(terminal);
        if (problem.isPresent()) {
            notices.accept(problem.get());
            try {
                terminal.close();
            } catch (IOException ignored) {
                // Nothing was drawn on it.
            }
            return Optional.empty();
        }
        TerminalOperator operator = new TerminalOperator(main, dictionary, stop, colour, summaryOut);
        try {
            operator.screen = FullScreen.start(terminal, new FileOutputStream(FileDescriptor.out), true,
                    operator::frame, operator::onKey, operator::printSummary);
        } catch (RuntimeException e) {
            // The screen gave the terminal back already.
            notices.accept("cannot draw on the terminal: " + e);
            return Optional.empty();
        }
        return Optional.of(operator);
    }

    /** What the engine calls: this view answers, pauses and follows. */
    public Operator operator() {
        return new Operator(this, pauses, this);
    }

    /** The run's log, also shown as main's log in the view. */
    public Log log(Log also) {
        return line -> {
            also.line(line);
            view.logged(line);
        };
    }

    @Override
    public DialogAnswer answer(DialogRequest request, BooleanSupplier stopped) {
        synchronized (dialogTurn) {
            DialogForm form = new DialogForm(request,
                    request.kind() == DialogKind.IMAGE ? ImageViewer.open(request.filename(), System.getenv()) : null);
            view.open(form);
            screen.redrawSoon();
            try {
                while (!stopped.getAsBoolean()) {
                    Optional<DialogAnswer> answer = form.await(STOP_POLL_MILLIS);
                    if (answer.isPresent()) {
                        return answer.get();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                view.close(form);
                screen.redrawSoon();
            }
            return DialogAnswer.of(DialogAnswer.Status.STOPPED, "dialog closed on stop request");
        }
    }

    @Override
    public void started(Step step) {
        view.started(step);
    }

    @Override
    public void printed(Step step, String line) {
        view.printed(step, line);
    }

    @Override
    public void finished(Step step, Verdict verdict, String message) {
        view.finished(step, verdict);
    }

    /** The run ended: the view says so until it closes. */
    public void runFinished(Verdict verdict) {
        view.runFinished(verdict);
        screen.redrawSoon();
    }

    private List<AttributedString> frame(int width, int height) {
        return renderer.frame(view.snapshot(pauses, dictionary.get()), width, height);
    }

    private void onKey(Keystroke key) {
        DialogForm form = view.dialog();
        Optional<OperatorKeys.Command> command = OperatorKeys.command(key, form != null);
        if (command.isEmpty()) {
            if (form != null) {
                form.key(key);
            }
            return;
        }
        switch (command.get()) {
            case STOP -> stop();
            case PAUSE_RESUME -> {
                if (pauses.paused()) {
                    pauses.resume();
                } else {
                    pauses.pause();
                }
            }
            case CONTINUE -> pauses.resume();
            case STEP -> pauses.step();
            case BREAKPOINT -> pauses.toggleBreakpoint(view.selected());
            case UP -> view.select(-1);
            case DOWN -> view.select(1);
            case PAGE_UP -> view.select(-Math.max(1, screen.height() - 3));
            case PAGE_DOWN -> view.select(Math.max(1, screen.height() - 3));
            case HOME -> view.selectEdge(false);
            case END -> view.selectEdge(true);
            case FOLLOW -> view.follow();
        }
    }

    private void stop() {
        stopPresses++;
        if (stopPresses > 1) {
            // Asked twice: let a further Ctrl-C reach the JVM as a signal, in case stopping hangs.
            screen.allowSignals();
        }
        view.stopping();
        requestStop.run();
    }

    /** On the normal screen once the terminal is back: each item that ran, with its verdict. */
    private void printSummary() {
        for (OperatorView.Row row : view.rows()) {
            if (row.state() != OperatorView.State.PENDING) {
                summaryOut.println("  ".repeat(row.depth()) + row.state() + "  " + row.step().title());
            }
        }
        summaryOut.flush();
        Throwable failure = screen == null ? null : screen.failure();
        if (failure != null) {
            System.err.println("salvo: the operator view failed (the run itself was not affected): " + failure);
        }
    }

    /** Gives the terminal back and prints the summary. Idempotent. */
    @Override
    public void close() {
        FullScreen s = screen;
        if (s != null) {
            s.close();
        }
    }
}
