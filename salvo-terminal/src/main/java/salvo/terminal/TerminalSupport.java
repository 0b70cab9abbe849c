package salvo.terminal;

import java.io.IOException;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Decides whether a full-screen view can run here, and says why not in one line; opens the system terminal. */
public final class TerminalSupport {
    private TerminalSupport() {}

    public static Optional<String> problemWithTerm(String term) {
        if (term == null || term.isBlank()) {
            return Optional.of("TERM is not set");
        }
        if (term.equals(Terminal.TYPE_DUMB) || term.equals(Terminal.TYPE_DUMB_COLOR)) {
            return Optional.of("TERM is " + term);
        }
        return Optional.empty();
    }

    /** JLine hands out a dumb terminal when stdin or stdout is not a tty (a pipe, a file, CI). */
    public static Optional<String> problemWithTerminal(Terminal terminal) {
        String type = terminal.getType();
        if (Terminal.TYPE_DUMB.equals(type) || Terminal.TYPE_DUMB_COLOR.equals(type)) {
            return Optional.of("stdout or stdin is not a terminal");
        }
        if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
            return Optional.of("the terminal reports no size");
        }
        return Optional.empty();
    }

    /** The process's own terminal (a dumb one off a tty: check it with {@link #problemWithTerminal}). */
    public static Terminal openSystem() throws IOException {
        return TerminalBuilder.builder()
                .system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysOut)
                // JLine's own handlers would replace the JVM's SIGINT handling (and its
                // shutdown hooks) with the default action; only SIGWINCH is needed, by the view.
                .nativeSignals(false)
                .dumb(true)
                .build();
    }
}
