package salvo.report;

import java.time.Duration;
import java.util.Objects;

/**
 * When a test counts as much slower: at least {@code factor} times as long AND at least
 * {@code minIncrease} longer. Both, so that neither a 1 ms test taking 3 ms nor a 60 s test taking
 * 61 s is news.
 */
public record Slowdown(double factor, Duration minIncrease) {
    public static final Slowdown DEFAULT = new Slowdown(2.0, Duration.ofMillis(500));

    public Slowdown {
        Objects.requireNonNull(minIncrease, "minIncrease");
        if (!(factor >= 1.0)) {
            throw new IllegalArgumentException("slowdown factor must be at least 1, was " + factor);
        }
        if (minIncrease.isNegative()) {
            throw new IllegalArgumentException("slowdown minimum increase must not be negative, was " + minIncrease);
        }
    }

    public boolean isMuchSlower(Duration before, Duration after) {
        return after.toNanos() >= factor * before.toNanos() && after.minus(before).compareTo(minIncrease) >= 0;
    }
}
