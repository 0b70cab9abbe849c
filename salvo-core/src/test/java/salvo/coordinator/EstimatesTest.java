package salvo.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EstimatesTest {
    private final CompletableFuture<Map<String, Duration>> history = new CompletableFuture<>();
    private final Estimates estimates = new Estimates(history, Map.of("a.py", Duration.ofSeconds(6)),
            id -> id.substring(0, id.indexOf("::")));

    @Test
    void onceTheTestsHistoryIsReadATestIsEstimatedByItsOwnThenItsFilesThenTheSuites() {
        history.complete(Map.of("a.py::t", Duration.ofSeconds(3), "a.py::u", Duration.ofSeconds(1),
                "b.py::v", Duration.ofSeconds(8)));
        assertEquals(Duration.ofSeconds(3), estimates.of("a.py::t", "a.py", 3), "its own history");
        assertEquals(Duration.ofSeconds(2), estimates.of("a.py::new", "a.py", 3), "its file's mean");
        assertEquals(Duration.ofSeconds(3), estimates.of("c.py::new", "c.py", 1), "the suite's median");
    }

    @Test
    void beforeTheTestsHistoryIsReadATestIsItsFilesShareAndNothingWaits() {
        assertEquals(Duration.ofSeconds(2), estimates.of("a.py::t", "a.py", 3), "a third of its file's last 6 s");
        assertEquals(Duration.ofMillis(100), estimates.of("c.py::t", "c.py", 3), "a file never run: the default");
        history.complete(Map.of("a.py::t", Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(5), estimates.of("a.py::t", "a.py", 3), "read: its own history from now on");
    }
}
