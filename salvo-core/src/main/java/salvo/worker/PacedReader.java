package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The reading side of a worker's channel (a loopback socket, an ssh session; not a joined
 * worker's TLS connection, see {@code ServedWorker}): the JSON messages are handed on as they
 * come, those that arrived together as one batch, and on a busy stream the reader paces itself
 * ({@link ReadPacing}). The coordinator's side, from any thread, says when the worker's next
 * words end its job ({@link #hurry}) and when it was answered ({@link #answered}).
 */
public final class PacedReader {
    /** The most messages parsed before they are handed on. */
    static final int MAX_AT_ONCE = 256;
    /** The longest a message waits on a busy stream before it is read. */
    public static final Duration LONGEST_PAUSE = Duration.ofNanos(ReadPacing.PAUSE_NANOS);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A line longer than this grows the buffer (a collected file's ids: megabytes at most). */
    private static final int BUFFER_BYTES = 64 * 1024;

    private volatile ReadPacing pacing;

    /**
     * Reads messages on the calling thread, a line of JSON each (blank lines are skipped), until
     * the stream ends or a line is not JSON (thrown, after the messages before it). The first
     * message is the worker's hello: unless {@code admits} it, nothing is handed on and reading
     * stops. What arrived together is handed on as one batch, in order: the coordinator is woken
     * once for it, not once a message (measured at 100 000 tests: a wake-up per message cost its
     * JVM half a second, and a hand-off per message woke it three times a batch). Lines are parsed
     * from the bytes as they came, never decoded into strings first.
     */
    public void readMessages(InputStream in, Predicate<JsonNode> admits, Consumer<List<JsonNode>> batches)
            throws IOException {
        ReadPacing p = new ReadPacing();
        pacing = p;
        Lines lines = new Lines(in);
        List<JsonNode> arrived = new ArrayList<>();
        JsonNode hello = lines.next();
        if (hello == null || !admits.test(hello)) {
            return;
        }
        try {
            for (JsonNode next = hello; next != null; next = lines.next()) {
                arrived.add(next);
                if (arrived.size() >= MAX_AT_ONCE || !lines.hasMore()) {
                    if (arrived.stream().anyMatch(WireProtocol::isCall)) {
                        p.asked();
                    }
                    handOn(arrived, batches);
                    if (!lines.hasMore()) {
                        p.ranDry();
                    }
                }
            }
        } catch (IOException cutShort) { // a worker that died mid-line, a failing stream: what came before counts
            handOn(arrived, batches);
            throw cutShort;
        }
        handOn(arrived, batches);
    }

    private static void handOn(List<JsonNode> arrived, Consumer<List<JsonNode>> batches) {
        if (!arrived.isEmpty()) {
            batches.accept(List.copyOf(arrived));
            arrived.clear();
        }
    }

    /** The stream's lines as JSON, parsed from a buffer of the bytes read so far. */
    private static final class Lines {
        private final InputStream in;
        private byte[] buffer = new byte[BUFFER_BYTES];
        private int start;
        private int end;
        private int searched; // no newline in [start, searched): a long line is scanned once
        private boolean ended;

        Lines(InputStream in) {
            this.in = in;
        }

        /**
         * Whether a message can be had without waiting: its whole line is here, with the bytes
         * that came so far. A line still being written, or a blank one, does not count, so no
         * message waits for the next. A failing stream says no: its error comes again from
         * {@link #next}, once what arrived was handed on.
         */
        boolean hasMore() {
            try {
                while (true) {
                    int newline = indexOfNewline();
                    if (newline >= 0 && isBlank(start, newline)) {
                        start = newline + 1;
                    } else if (newline >= 0) {
                        return true;
                    } else if (ended || in.available() <= 0) {
                        return false;
                    } else {
                        fill(); // does not wait: bytes are there
                    }
                }
            } catch (IOException failing) {
                return false;
            }
        }

        /** The next message, or null at the end of the stream; a line that is not JSON is thrown. */
        JsonNode next() throws IOException {
            while (true) {
                int newline = indexOfNewline();
                if (newline < 0 && ended) {
                    if (start == end) {
                        return null;
                    }
                    newline = end; // the last line, without its newline
                }
                if (newline >= 0) {
                    int from = start;
                    start = Math.min(newline + 1, end);
                    if (!isBlank(from, newline)) {
                        return JSON.readTree(buffer, from, newline - from);
                    }
                } else {
                    fill();
                }
            }
        }

        private int indexOfNewline() {
            for (int i = Math.max(start, searched); i < end; i++) {
                if (buffer[i] == '\n') {
                    searched = i;
                    return i;
                }
            }
            searched = end;
            return -1;
        }

        private boolean isBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reads what comes next, after the unread part moved to the front: of a larger buffer when
         * it is full, of a buffer of the first size again once a long line is read (a collected
         * file's ids, megabytes, need not stay with the worker for the rest of the run).
         */
        private void fill() throws IOException {
            int unread = end - start;
            if (start > 0) {
                byte[] into = buffer.length > BUFFER_BYTES && unread <= BUFFER_BYTES / 2 ? new byte[BUFFER_BYTES] : buffer;
                System.arraycopy(buffer, start, into, 0, unread);
                buffer = into;
                end = unread;
                searched = Math.max(0, searched - start);
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                ended = true;
            } else {
                end += n;
            }
        }
    }

    /** What the worker says next ends its job: read it as it comes, until it is answered. */
    public void hurry() {
        ReadPacing p = pacing;
        if (p != null) {
            p.hurry();
        }
    }

    /** A message went to the worker: its stream may be busy again. */
    public void answered() {
        ReadPacing p = pacing;
        if (p != null) {
            p.answered();
        }
    }
}
