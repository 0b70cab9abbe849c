package salvo.cli.tui;

import java.util.Optional;
import org.jline.terminal.Terminal;

/** Decides whether a full-screen dashboard can run here, and says why not in one line. */
final class TerminalSupport {
    private TerminalSupport() {}

    static Optional<String> problemWithTerm(String term) {
        if (term == null || term.isBlank()) {
            return Optional.of("TERM is not set");
        }
        if (term.equals(Terminal.TYPE_DUMB) || term.equals(Terminal.TYPE_DUMB_COLOR)) {
            return Optional.of("TERM is " + term);
        }
        return Optional.empty();
    }

    /** JLine hands out a dumb terminal when stdin or stdout is not a tty (a pipe, a file, CI). */
    static Optional<String> problemWithTerminal(Terminal terminal) {
        String type = terminal.getType();
        if (Terminal.TYPE_DUMB.equals(type) || Terminal.TYPE_DUMB_COLOR.equals(type)) {
            return Optional.of("stdout or stdin is not a terminal");
        }
        if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
            return Optional.of("the terminal reports no size");
        }
        return Optional.empty();
    }

    static String notice(String reason) {
        return "salvo: --tui needs an interactive terminal (" + reason + "); using plain output";
    }
}
