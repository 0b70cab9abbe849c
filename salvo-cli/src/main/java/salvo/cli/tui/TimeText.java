package salvo.cli.tui;

import java.time.Duration;

/** Durations as short, steady-width text. */
final class TimeText {
    private TimeText() {}

    /** A clock for elapsed time and ETA: 0:07, 12:34, 1:02:03. */
    static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** A compact span for rows: 0.4s, 12s, 3m05s, 1h02m. Tenths only where they matter. */
    static String span(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 10_000) {
            return String.format("%d.%ds", ms / 1000, ms / 100 % 10);
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, s / 60 % 60);
    }
}
