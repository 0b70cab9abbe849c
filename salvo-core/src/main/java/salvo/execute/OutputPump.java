package salvo.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Drains a process's output so it can never block on a full pipe, decodes it leniently
 * (undecodable bytes become U+FFFD), keeps only the tail for crash reports, and optionally
 * hands each complete line to a listener for live streaming.
 */
public final class OutputPump implements Runnable {
    private final InputStream in;
    private final Consumer<String> lines;
    private final int tailLimit;
    private final StringBuilder tail = new StringBuilder();
    private final StringBuilder pendingLine = new StringBuilder();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final Thread thread;

    private OutputPump(InputStream in, Consumer<String> lines, int tailLimit, String name) {
        this.in = in;
        this.lines = lines;
        this.tailLimit = tailLimit;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    /** Starts pumping on its own thread; {@code lines} may be null when nobody streams. */
    public static OutputPump start(InputStream in, Consumer<String> lines, int tailLimit, String name) {
        OutputPump pump = new OutputPump(in, lines, tailLimit, name);
        pump.thread.start();
        return pump;
    }

    @Override
    public void run() {
        byte[] bytes = new byte[16384];
        ByteBuffer input = ByteBuffer.allocate(bytes.length + 8);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 8);
        try (in) {
            int n;
            while ((n = in.read(bytes)) >= 0) {
                input.put(bytes, 0, n).flip();
                decoder.decode(input, chars, false);
                input.compact();
                accept(chars.flip());
                chars.clear();
            }
            input.flip();
            decoder.decode(input, chars, true);
            decoder.flush(chars);
            accept(chars.flip());
        } catch (IOException e) {
            // The process was killed and its pipe closed: what we have is what there is.
        }
        synchronized (this) {
            if (lines != null && !pendingLine.isEmpty()) {
                lines.accept(pendingLine.toString());
            }
        }
    }

    private synchronized void accept(CharBuffer chars) {
        tail.append(chars);
        if (tail.length() > 2 * tailLimit) {
            tail.delete(0, tail.length() - tailLimit);
        }
        if (lines == null) {
            return;
        }
        chars.rewind();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                lines.accept(pendingLine.toString());
                pendingLine.setLength(0);
            } else if (c != '\r' && pendingLine.length() < 8192) {
                pendingLine.append(c);
            }
        }
    }

    /** Waits a little for the rest of the output after the process ended. */
    public void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last output, at most about {@code tailLimit} characters. */
    public synchronized String tail() {
        int from = Math.max(0, tail.length() - tailLimit);
        return tail.substring(from);
    }
}
