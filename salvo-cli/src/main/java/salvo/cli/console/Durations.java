package salvo.cli.console;

import java.time.Duration;

/** How durations read on a console: 0.42s, 12.3s, 3m05s, 1h02m. */
public final class Durations {
    private Durations() {}

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 0) { // a wall clock stepped back: seconds, as String.format's %.2f printed them
            return "-" + decimal(halfUp(ms == Long.MIN_VALUE ? Long.MAX_VALUE : -ms, 10), 100) + "s";
        }
        // Integer arithmetic, rounding half up as %.2f would: a run formats thousands of these, cold.
        if (ms < 10_000) {
            return decimal(halfUp(ms, 10), 100) + "s";
        }
        if (ms < 60_000) {
            return decimal(halfUp(ms, 100), 10) + "s";
        }
        long s = ms / 1000;
        if (s < 3600) {
            return s / 60 + "m" + twoDigits(s % 60) + "s";
        }
        return s / 3600 + "h" + twoDigits((s % 3600) / 60) + "m";
    }

    /** {@code n / divisor}, a half rounded up; n is not negative. */
    private static long halfUp(long n, long divisor) {
        return n / divisor + (n % divisor * 2 >= divisor ? 1 : 0);
    }

    /** m:ss for a progress line. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? s / 3600 + ":" + twoDigits((s % 3600) / 60) + ":" + twoDigits(s % 60)
                : s / 60 + ":" + twoDigits(s % 60);
    }

    /** {@code units} of 1/{@code scale} (10 or 100) as a decimal: 123 of 100 is "1.23". */
    private static String decimal(long units, long scale) {
        String fraction = Long.toString(units % scale);
        return units / scale + "." + (scale == 100 && fraction.length() == 1 ? "0" + fraction : fraction);
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
