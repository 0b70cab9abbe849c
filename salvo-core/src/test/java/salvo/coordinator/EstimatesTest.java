package salvo.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EstimatesTest {
    @Test
    void historyIsReadOnceAndOnlyWhenTheFirstEstimateIsNeeded() {
        AtomicInteger reads = new AtomicInteger();
        Estimates estimates = new Estimates(() -> {
            reads.incrementAndGet();
            return Map.of("a.py::t", Duration.ofSeconds(3), "a.py::u", Duration.ofSeconds(1),
                    "b.py::v", Duration.ofSeconds(8));
        }, id -> id.substring(0, id.indexOf("::")));
        assertEquals(0, reads.get(), "a plan that never collects a file never reads the tests' history");
        assertEquals(Duration.ofSeconds(3), estimates.of("a.py::t", "a.py"), "its own history");
        assertEquals(Duration.ofSeconds(2), estimates.of("a.py::new", "a.py"), "its file's mean");
        assertEquals(Duration.ofSeconds(3), estimates.of("c.py::new", "c.py"), "the suite's median");
        assertEquals(1, reads.get());
    }
}
