package salvo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PacedReaderTest {
    @Test
    void everyMessageIsHandedOnInOrderAndBlankLinesAreSkipped() throws IOException {
        List<JsonNode> seen = new ArrayList<>();
        new PacedReader().readMessages(new BufferedReader(new StringReader("{\"n\":1}\n\n{\"n\":2}\n  \n{\"n\":3}")), seen::addAll);
        assertEquals(List.of(1, 2, 3), seen.stream().map(m -> m.path("n").asInt()).toList());
    }

    @Test
    void theMessagesBeforeALineCutShortAreHandedOnBeforeItsError() {
        List<Integer> seen = new ArrayList<>();
        assertThrows(IOException.class, () -> new PacedReader().readMessages(
                new BufferedReader(new StringReader("{\"n\":1}\n{\"n\":2}\n{\"n\":")), batch -> seen.addAll(numbers(batch))));
        assertEquals(List.of(1, 2), seen);
    }

    /** Over a real socket: a message is handed on when the stream goes quiet, not when it ends. */
    @Test
    void aMessageIsHandedOnAsSoonAsNothingMoreHasArrived() throws Exception {
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.Socket worker = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), listening.getLocalPort());
             java.net.Socket coordinator = listening.accept()) {
            java.util.concurrent.BlockingQueue<Integer> seen = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    new PacedReader().readMessages(new BufferedReader(new java.io.InputStreamReader(
                            coordinator.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)), batch -> seen.addAll(numbers(batch)));
                } catch (IOException closed) {
                    // the test is over
                }
            });
            reader.start();
            java.io.OutputStream out = worker.getOutputStream();
            out.write("{\"n\":1}\n{\"n\":2}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            assertEquals(1, seen.poll(5, java.util.concurrent.TimeUnit.SECONDS), "the stream is still open");
            assertEquals(2, seen.poll(5, java.util.concurrent.TimeUnit.SECONDS));
            out.write("{\"n\":3}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            assertEquals(3, seen.poll(5, java.util.concurrent.TimeUnit.SECONDS), "and after a pause");
            worker.close();
            reader.join(5_000);
        }
    }

    @Test
    void aLongBurstIsHandedOnInOrderInSeveralBatches() throws IOException {
        int count = PacedReader.MAX_AT_ONCE * 2 + 7;
        String text = IntStream.range(0, count).mapToObj(i -> "{\"n\":" + i + "}\n").collect(Collectors.joining());
        List<List<Integer>> batches = new ArrayList<>();
        new PacedReader().readMessages(new BufferedReader(new StringReader(text)), batch -> batches.add(numbers(batch)));
        assertEquals(IntStream.range(0, count).boxed().toList(), batches.stream().flatMap(List::stream).toList());
        assertEquals(List.of(PacedReader.MAX_AT_ONCE, PacedReader.MAX_AT_ONCE, 7),
                batches.stream().map(List::size).toList(), "what arrived together, a batch at most MAX_AT_ONCE long");
    }

    private static List<Integer> numbers(List<JsonNode> batch) {
        return batch.stream().map(m -> m.path("n").asInt()).toList();
    }
}
