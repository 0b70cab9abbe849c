package salvo.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Durations and times as reports print them. */
final class TimeText {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TimeText() {}

    /** "0.042 s", "12.3 s", "2m 05s", "1h 02m": precise where it is short, readable where it is long. */
    static String duration(Duration d) {
        double seconds = d.toNanos() / 1e9;
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.3f s", seconds);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long total = d.toSeconds();
        if (total < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", total / 60, total % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", total / 3600, total % 3600 / 60);
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
