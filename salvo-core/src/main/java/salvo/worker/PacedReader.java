package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reading side of a worker's channel (a loopback socket, an ssh session; not a joined
 * worker's TLS connection, see {@code ServedWorker}): the JSON messages are handed on as they
 * come, those that arrived together at once, and on a busy stream the reader paces itself
 * ({@link ReadPacing}). The coordinator's side, from any thread, says when the worker's next
 * words end its job ({@link #hurry}) and when it was answered ({@link #answered}).
 */
public final class PacedReader {
    /** The most messages parsed before they are handed on. */
    static final int MAX_AT_ONCE = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile ReadPacing pacing;

    /**
     * Reads messages on the calling thread, a line each (blank lines are skipped), until the
     * stream ends or a line is not JSON (thrown, after the messages before it). What arrived together is parsed first and then handed on in a row: the
     * coordinator, woken by the first, finds the others there (measured at 100 000 tests: a
     * wake-up per message cost its JVM half a second).
     */
    public void readMessages(BufferedReader in, Consumer<JsonNode> messages) throws IOException {
        ReadPacing p = new ReadPacing();
        pacing = p;
        List<JsonNode> arrived = new ArrayList<>();
        String next;
        while ((next = in.readLine()) != null) {
            if (!next.isBlank()) {
                try {
                    arrived.add(JSON.readTree(next));
                } catch (IOException malformed) { // a worker that died mid-line: what came before it counts
                    arrived.forEach(messages);
                    throw malformed;
                }
            }
            if (in.ready() && arrived.size() < MAX_AT_ONCE) {
                continue;
            }
            arrived.forEach(messages);
            arrived.clear();
            if (!in.ready()) {
                p.ranDry();
            }
        }
        arrived.forEach(messages);
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
