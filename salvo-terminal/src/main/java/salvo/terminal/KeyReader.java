package salvo.terminal;

import java.io.IOException;
import java.util.function.Consumer;
import org.jline.utils.NonBlockingReader;

/**
 * Reads keys on its own daemon thread. It blocks on the terminal between key presses, so it
 * costs nothing while the user watches.
 */
public final class KeyReader implements Runnable {
    /** How long to wait after ESC for the rest of an arrow key's sequence. */
    static final long ESCAPE_WAIT_MS = 60;

    private final NonBlockingReader input;
    private final Consumer<Keystroke> onKey;
    private final KeyDecoder decoder = new KeyDecoder();
    private volatile boolean running = true;

    public KeyReader(NonBlockingReader input, Consumer<Keystroke> onKey) {
        this.input = input;
        this.onKey = onKey;
    }

    public Thread start() {
        Thread t = new Thread(this, "salvo-terminal-keys");
        t.setDaemon(true);
        t.start();
        return t;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            while (running) {
                int c = decoder.inSequence() ? input.read(ESCAPE_WAIT_MS) : input.read();
                if (c == NonBlockingReader.EOF || !running) {
                    return;
                }
                if (c == NonBlockingReader.READ_EXPIRED) {
                    decoder.pause().ifPresent(onKey);
                } else {
                    decoder.feed(c).ifPresent(onKey);
                }
            }
        } catch (IOException e) {
            // The terminal went away (closed or hung up): nothing left to read.
        }
    }
}
