package salvo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedReaderTest {
    @Test
    void everyLineIsHandedOnInOrderUntilTheHandlerSaysStop() throws IOException {
        List<String> seen = new ArrayList<>();
        new PacedReader().readLines(new BufferedReader(new StringReader("a\nb\nexited\nnever\n")), line -> {
            seen.add(line);
            return !line.equals("exited");
        });
        assertEquals(List.of("a", "b", "exited"), seen);
    }
}
