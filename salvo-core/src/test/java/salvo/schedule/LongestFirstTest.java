package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import salvo.model.TestUnit;

class LongestFirstTest {
    private static TestUnit unit(String id) {
        return new TestUnit(id, Path.of(id), "pytest");
    }

    private static List<String> ids(List<TestUnit> units) {
        return units.stream().map(TestUnit::id).toList();
    }

    @Test
    void unknownUnitsFirstThenLongestFirst() {
        List<TestUnit> units = List.of(unit("a"), unit("b"), unit("new1"), unit("c"), unit("new2"));
        Map<String, Duration> history = Map.of("a", Duration.ofSeconds(1), "b", Duration.ofSeconds(9),
                "c", Duration.ofSeconds(4));
        assertEquals(List.of("new1", "new2", "b", "c", "a"), ids(LongestFirst.order(units, history)));
    }

    @Test
    void withoutHistoryDiscoveryOrderIsKept() {
        List<TestUnit> units = List.of(unit("z"), unit("a"), unit("m"));
        assertEquals(List.of("z", "a", "m"), ids(LongestFirst.order(units, Map.of())));
    }

    @Test
    void estimateSimulatesThePullQueue() {
        List<TestUnit> plan = List.of(unit("long"), unit("mid"), unit("s1"), unit("s2"));
        Map<String, Duration> history = Map.of("long", Duration.ofSeconds(10), "mid", Duration.ofSeconds(6),
                "s1", Duration.ofSeconds(3), "s2", Duration.ofSeconds(3));
        // gw1: long(10); gw2: mid(6) + s1(3) = 9, then s2 goes to gw2 (9 < 10): 12.
        assertEquals(Duration.ofSeconds(12), LongestFirst.estimate(plan, history, 2));
        assertEquals(Duration.ofSeconds(22), LongestFirst.estimate(plan, history, 1));
    }

    @Test
    void unknownUnitsAreEstimatedAtTheMedian() {
        List<TestUnit> plan = List.of(unit("new"), unit("a"), unit("b"), unit("c"));
        Map<String, Duration> history = Map.of("a", Duration.ofSeconds(1), "b", Duration.ofSeconds(2),
                "c", Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(8), LongestFirst.estimate(plan, history, 1));
        assertNull(LongestFirst.estimate(plan, Map.of(), 2));
    }
}
