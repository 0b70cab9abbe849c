package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    private volatile ReadPacing pacing;

    /**
     * Reads messages on the calling thread, a line each (blank lines are skipped), until the
     * stream ends or a line is not JSON (thrown, after the messages before it). What arrived
     * together is handed on as one batch, in order: the coordinator is woken once for it, not
     * once a message (measured at 100 000 tests: a wake-up per message cost its JVM half a second,
     * and a hand-off per message woke it three times a batch).
     */
    public void readMessages(BufferedReader in, Consumer<List<JsonNode>> batches) throws IOException {
        ReadPacing p = new ReadPacing();
        pacing = p;
        List<JsonNode> arrived = new ArrayList<>();
        String next;
        while ((next = in.readLine()) != null) {
            if (!next.isBlank()) {
                try {
                    arrived.add(JSON.readTree(next));
                } catch (IOException malformed) { // a worker that died mid-line: what came before it counts
                    handOn(arrived, batches);
                    throw malformed;
                }
            }
            if (in.ready() && arrived.size() < MAX_AT_ONCE) {
                continue;
            }
            if (arrived.stream().anyMatch(WireProtocol::isCall)) {
                p.asked();
            }
            handOn(arrived, batches);
            if (!in.ready()) {
                p.ranDry();
            }
        }
        handOn(arrived, batches);
    }

    private static void handOn(List<JsonNode> arrived, Consumer<List<JsonNode>> batches) {
        if (!arrived.isEmpty()) {
            batches.accept(List.copyOf(arrived));
            arrived.clear();
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
