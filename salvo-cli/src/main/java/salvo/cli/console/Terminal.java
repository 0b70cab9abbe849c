package salvo.cli.console;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal that can take a live progress line. */
public final class Terminal {
    private Terminal() {}

    public static boolean isInteractive() {
        String term = System.getenv("TERM");
        if (term == null || term.isEmpty() || term.equals("dumb")) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // From Java 22 a console exists even when redirected; isTerminal() tells the truth.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
