package salvo.sequence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import salvo.sequence.engine.Log;

/**
 * The live log on the terminal, coloured by what a line says (PASS green, FAIL red, WARN
 * yellow) unless colour is off, and copied plain to the -l file. Lines are flushed within
 * {@link #FLUSH_MILLIS}, not one by one: a loop prints several lines per round, and a write
 * per line cost a fifth of a fast loop's time.
 */
final class ConsoleLog implements Log, AutoCloseable {
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    static final long FLUSH_MILLIS = 50;

    private final PrintWriter out;
    private final boolean colour;
    private final BufferedWriter file;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "seq-log-flush");
        t.setDaemon(true);
        return t;
    });
    private boolean unflushed;

    ConsoleLog(PrintWriter out, boolean colour, Path logFile) throws IOException {
        this.out = out;
        this.colour = colour;
        this.file = logFile == null ? null : Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Colour unless -o, NO_COLOR, or not a terminal. */
    static boolean colourWanted(boolean noColourFlag) {
        String noColor = System.getenv("NO_COLOR");
        return !noColourFlag && (noColor == null || noColor.isEmpty()) && System.console() != null;
    }

    @Override
    public synchronized void line(String text) {
        // print, not println: an auto-flushing writer (picocli's) would flush at each println.
        out.print((colour ? paint(text) : text) + System.lineSeparator());
        if (file != null) {
            try {
                file.write(text);
                file.newLine();
            } catch (IOException e) {
                // The terminal still has it; a full disk must not end the run.
            }
        }
        unflushed = true;
    }

    private synchronized void flush() {
        if (!unflushed) {
            return;
        }
        unflushed = false;
        out.flush();
        if (file != null) {
            try {
                file.flush();
            } catch (IOException e) {
                // As in line().
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
        flusher.shutdownNow();
        out.flush();
        if (file != null) {
            file.close();
        }
    }
}
