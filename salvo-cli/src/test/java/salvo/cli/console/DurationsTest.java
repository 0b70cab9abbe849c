package salvo.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DurationsTest {
    /** What the console printed when the texts came from String.format: the same, rounding half up. */
    private static String formatted(long ms) {
        if (ms < 10_000) { // negative ones too: a wall clock that stepped back
            return String.format(Locale.ROOT, "%.2fs", ms / 1000.0);
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        return s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    @Test
    void everyMillisecondUpToSeventySecondsReadsAsFormattedWithHalfUpRounding() {
        for (long ms = -75_000; ms < 70_000; ms++) {
            assertEquals(formatted(ms), Durations.format(Duration.ofMillis(ms)), ms + " ms");
        }
    }

    @Test
    void theLongestDurationsBackwardsAndForwards() {
        assertEquals(formatted(-3_725_000), Durations.format(Duration.ofMillis(-3_725_000)));
        // Exact where a double no longer is: String.format printed -9223372036854776.00s for both.
        assertEquals("-9223372036854775.81s", Durations.format(Duration.ofMillis(Long.MIN_VALUE + 1)));
        assertEquals("-9223372036854775.81s", Durations.format(Duration.ofMillis(Long.MIN_VALUE)));
        assertEquals(formatted(Long.MAX_VALUE), Durations.format(Duration.ofMillis(Long.MAX_VALUE)));
    }

    @Test
    void minutesAndHours() {
        assertEquals("3m05s", Durations.format(Duration.ofSeconds(185)));
        assertEquals("59m59s", Durations.format(Duration.ofMillis(3_599_999)));
        assertEquals("1h02m", Durations.format(Duration.ofSeconds(3_725)));
        assertEquals("26h00m", Durations.format(Duration.ofHours(26)));
    }

    @Test
    void theClockHasMinutesAndSecondsAndHoursOnlyWhenThereAreSome() {
        assertEquals("0:00", Durations.clock(Duration.ofMillis(-5)));
        assertEquals("0:09", Durations.clock(Duration.ofMillis(9_999)));
        assertEquals("12:34", Durations.clock(Duration.ofSeconds(754)));
        assertEquals("1:00:05", Durations.clock(Duration.ofSeconds(3_605)));
    }
}
