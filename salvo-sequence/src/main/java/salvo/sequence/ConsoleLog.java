package salvo.sequence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import salvo.sequence.engine.Log;

/**
 * The live log on the terminal, coloured by what a line says (PASS green, FAIL red, WARN
 * yellow) unless colour is off, and copied plain to the -l file.
 */
final class ConsoleLog implements Log, AutoCloseable {
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean colour;
    private final BufferedWriter file;

    ConsoleLog(PrintWriter out, boolean colour, Path logFile) throws IOException {
        this.out = out;
        this.colour = colour;
        this.file = logFile == null ? null : Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
    }

    /** Colour unless -o, NO_COLOR, or not a terminal. */
    static boolean colourWanted(boolean noColourFlag) {
        String noColor = System.getenv("NO_COLOR");
        return !noColourFlag && (noColor == null || noColor.isEmpty()) && System.console() != null;
    }

    @Override
    public synchronized void line(String text) {
        out.println(colour ? paint(text) : text);
        out.flush();
        if (file != null) {
            try {
                file.write(text);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                // The terminal still has it; a full disk must not end the run.
            }
        }
    }

    static String paint(String text) {
        String c = null;
        if (text.contains("FAIL") || text.contains("Error") || text.contains("failed")) {
            c = RED;
        } else if (text.contains("WARN")) {
            c = YELLOW;
        } else if (text.contains("PASS") || text.contains("success")) {
            c = GREEN;
        }
        return c == null ? text : c + text + RESET;
    }

    @Override
    public synchronized void close() throws IOException {
        out.flush();
        if (file != null) {
            file.close();
        }
    }
}
