package salvo.sequence.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void aNameComparedWithNumbersHasItsLimitsWhicheverSideTheyAreOn() {
        assertEquals(Optional.of(new Limits("v", 4.9, 5.1)), Limits.of("4.9 < v < 5.1"));
        assertEquals(Optional.of(new Limits("v", 4.9, 5.1)), Limits.of("5.1 >= v >= 4.9"));
        assertEquals(Optional.of(new Limits("i", null, 2.0)), Limits.of("i <= 2"));
        assertEquals(Optional.of(new Limits("i", null, 2.0)), Limits.of("2 > i"));
        assertEquals(Optional.of(new Limits("t", -40.0, null)), Limits.of("t >= -40"));
        assertEquals(Optional.of(new Limits("n", 3.0, 3.0)), Limits.of("n == 3"));
        assertEquals(Optional.of(new Limits("n", null, null)), Limits.of("n != 3"), "measured, without limits");
    }

    @Test
    void anythingElseMeasuresNothing() {
        for (String other : new String[] {"a < b", "1 < 2", "v + 1 < 5", "f(v) < 3", "v < 'x'", "v", "True",
                "v < 3 < w", "0 < v < 5 and 1 <= v <= 4", "v < True", "not v < 3"}) {
            assertEquals(Optional.empty(), Limits.of(other), other);
        }
    }
}
