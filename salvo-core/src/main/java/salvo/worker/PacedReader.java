package salvo.worker;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The reading side of a worker's channel (a loopback socket, an ssh session; not a joined
 * worker's TLS connection, see {@code ServedWorker}): lines are handed on as they come, and on a
 * busy stream the reader paces itself ({@link ReadPacing}). The coordinator's side, from any thread, says when the
 * worker's next words end its job ({@link #hurry}) and when it was answered ({@link #answered}).
 */
public final class PacedReader {
    private volatile ReadPacing pacing;

    /** What is done with one line: false to stop reading. */
    @FunctionalInterface
    public interface Line {
        boolean take(String line) throws IOException;
    }

    /**
     * Reads lines on the calling thread, each to {@code line}, until the stream ends or
     * {@code line} returns false.
     */
    public void readLines(BufferedReader in, Line line) throws IOException {
        ReadPacing p = new ReadPacing();
        pacing = p;
        String next;
        while ((next = in.readLine()) != null) {
            if (!line.take(next)) {
                return;
            }
            if (!in.ready()) {
                p.ranDry();
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
