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
        new PacedReader().readMessages(new BufferedReader(new StringReader("{\"n\":1}\n\n{\"n\":2}\n  \n{\"n\":3}")), seen::add);
        assertEquals(List.of(1, 2, 3), seen.stream().map(m -> m.path("n").asInt()).toList());
    }

    @Test
    void theMessagesBeforeALineCutShortAreHandedOnBeforeItsError() {
        List<Integer> seen = new ArrayList<>();
        assertThrows(IOException.class, () -> new PacedReader().readMessages(
                new BufferedReader(new StringReader("{\"n\":1}\n{\"n\":2}\n{\"n\":")), m -> seen.add(m.path("n").asInt())));
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void aLongBurstIsHandedOnInOrderInSeveralParts() throws IOException {
        int count = PacedReader.MAX_AT_ONCE * 2 + 7;
        String text = IntStream.range(0, count).mapToObj(i -> "{\"n\":" + i + "}\n").collect(Collectors.joining());
        List<Integer> seen = new ArrayList<>();
        new PacedReader().readMessages(new BufferedReader(new StringReader(text)), m -> seen.add(m.path("n").asInt()));
        assertEquals(IntStream.range(0, count).boxed().toList(), seen);
    }
}
