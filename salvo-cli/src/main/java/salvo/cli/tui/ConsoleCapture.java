package salvo.cli.tui;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Holds back whatever the rest of the program prints to System.out and System.err while the
 * dashboard owns the screen (a stray line would tear the drawing), and hands it back afterwards.
 */
final class ConsoleCapture {
    /** Enough for any warning; a runaway printer loses its tail, not the user's memory. */
    static final int MAX_BYTES = 1 << 20;

    private final PrintStream out;
    private final PrintStream err;
    private final Bounded buffer = new Bounded();

    private ConsoleCapture(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static ConsoleCapture start() {
        ConsoleCapture c = new ConsoleCapture(System.out, System.err);
        PrintStream sink = new PrintStream(c.buffer, true, Charset.defaultCharset());
        System.setOut(sink);
        System.setErr(sink);
        return c;
    }

    PrintStream originalOut() {
        return out;
    }

    /** Puts the original streams back and returns what was held. */
    String stop() {
        System.setOut(out);
        System.setErr(err);
        return buffer.text();
    }

    private static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < MAX_BYTES) {
                bytes.write(b);
            } else {
                truncated = true;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, MAX_BYTES - bytes.size());
            bytes.write(b, off, Math.min(room, len));
            truncated |= len > room;
        }

        synchronized String text() {
            String s = bytes.toString(Charset.defaultCharset());
            return truncated ? s + "\n[salvo: further output while the dashboard was open was dropped]\n" : s;
        }
    }
}
