package salvo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PacedReaderTest {
    @Test
    void everyMessageIsHandedOnInOrderAndBlankLinesAreSkipped() throws IOException {
        List<JsonNode> seen = new ArrayList<>();
        new PacedReader().readMessages(stream("{\"n\":1}\n\n{\"n\":2}\n  \r\n{\"n\":3}"), hello -> true, seen::addAll);
        assertEquals(List.of(1, 2, 3), seen.stream().map(m -> m.path("n").asInt()).toList());
    }

    @Test
    void aFirstMessageNotAdmittedEndsTheReadingWithNothingHandedOn() throws IOException {
        List<JsonNode> seen = new ArrayList<>();
        new PacedReader().readMessages(stream("{\"token\":\"wrong\"}\n{\"n\":2}\n"),
                hello -> hello.path("token").asText().equals("right"), seen::addAll);
        assertEquals(List.of(), seen);
    }

    @Test
    void theMessagesBeforeALineCutShortAreHandedOnBeforeItsError() {
        List<Integer> seen = new ArrayList<>();
        assertThrows(IOException.class, () -> new PacedReader().readMessages(
                stream("{\"n\":1}\n{\"n\":2}\n{\"n\":"), hello -> true, batch -> seen.addAll(numbers(batch))));
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void textBeyondAsciiAndLinesLongerThanTheBufferArriveWhole() throws IOException {
        String long1 = "x".repeat(200_000);
        String long2 = "y".repeat(300_000); // after the buffer went back to its first size
        List<String> expected = new ArrayList<>(List.of(long1, "é → 测试"));
        StringBuilder stream = new StringBuilder("{\"s\":\"" + long1 + "\"}\n{\"s\":\"é → 测试\"}\n");
        for (int i = 0; i < 5_000; i++) {
            stream.append("{\"s\":\"").append(i).append("\"}\n");
            expected.add(String.valueOf(i));
        }
        stream.append("{\"s\":\"").append(long2).append("\"}\n{\"s\":\"end\"}\n");
        expected.addAll(List.of(long2, "end"));
        List<JsonNode> seen = new ArrayList<>();
        new PacedReader().readMessages(new TrickleStream(stream.toString().getBytes(StandardCharsets.UTF_8), 7_000),
                hello -> true, seen::addAll);
        assertEquals(expected, seen.stream().map(m -> m.path("s").asText()).toList());
    }

    /** Over a real socket: a message is handed on when the stream goes quiet, not when it ends. */
    @Test
    void aMessageIsHandedOnAsSoonAsNothingMoreHasArrived() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket worker = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
             Socket coordinator = listening.accept()) {
            BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    new PacedReader().readMessages(coordinator.getInputStream(), hello -> true,
                            batch -> seen.addAll(numbers(batch)));
                } catch (IOException closed) {
                    // the test is over
                }
            });
            reader.start();
            java.io.OutputStream out = worker.getOutputStream();
            out.write("{\"n\":0}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals(0, seen.poll(5, TimeUnit.SECONDS), "the hello alone: the worker waits for an answer");
            out.write("{\"n\":1}\n  \n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals(1, seen.poll(5, TimeUnit.SECONDS), "a blank line after a message does not hold it back");
            out.write("{\"n\":1}\n{\"n\":2}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals(1, seen.poll(5, TimeUnit.SECONDS), "the stream is still open");
            assertEquals(2, seen.poll(5, TimeUnit.SECONDS));
            out.write("{\"n\":3}\n{\"n\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals(3, seen.poll(5, TimeUnit.SECONDS), "and after a pause, though the next line is not whole");
            out.write("4}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals(4, seen.poll(5, TimeUnit.SECONDS), "a line that came in two parts");
            worker.close();
            reader.join(5_000);
        }
    }

    @Test
    void aLongBurstIsHandedOnInOrderInSeveralBatches() throws IOException {
        int count = PacedReader.MAX_AT_ONCE * 2 + 7;
        String text = IntStream.range(0, count).mapToObj(i -> "{\"n\":" + i + "}\n").collect(Collectors.joining());
        List<List<Integer>> batches = new ArrayList<>();
        new PacedReader().readMessages(stream(text), hello -> true, batch -> batches.add(numbers(batch)));
        assertEquals(IntStream.range(0, count).boxed().toList(), batches.stream().flatMap(List::stream).toList());
        assertEquals(List.of(PacedReader.MAX_AT_ONCE, PacedReader.MAX_AT_ONCE, 7),
                batches.stream().map(List::size).toList(), "what arrived together, a batch at most MAX_AT_ONCE long");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Integer> numbers(List<JsonNode> batch) {
        return batch.stream().map(m -> m.path("n").asInt()).toList();
    }

    /** Gives at most {@code step} bytes a read, as a socket does, and says nothing more is waiting. */
    private static final class TrickleStream extends ByteArrayInputStream {
        private final int step;

        TrickleStream(byte[] bytes, int step) {
            super(bytes);
            this.step = step;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, step));
        }

        @Override
        public synchronized int available() {
            return 0;
        }
    }
}
