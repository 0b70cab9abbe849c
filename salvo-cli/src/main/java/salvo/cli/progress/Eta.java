package salvo.cli.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * Time left in a run: from history when it has an estimate, else extrapolated from progress so
 * far. Shared by every display of a run, so they never disagree.
 */
public record Eta(Duration remaining, Source source) {

    public enum Source { HISTORY, PROGRESS }

    /** {@code 1:05}, or {@code ~1:05} for a guess from this run's pace rather than from history. */
    public String text() {
        return (source == Source.PROGRESS ? "~" : "") + salvo.cli.console.Durations.clock(remaining);
    }

    /** From history, else from the pace of tests (files finish late when tests are scheduled one by one). */
    public static Optional<Eta> of(Duration elapsed, Duration estimate, Progress progress) {
        return of(elapsed, estimate, progress.testsDone(), progress.testsExpected());
    }

    /**
     * @param estimate expected wall time from history, or null
     * @return empty when nothing can be said yet (no history, nothing finished)
     */
    public static Optional<Eta> of(Duration elapsed, Duration estimate, int done, int total) {
        if (total > 0 && done >= total) {
            return Optional.of(new Eta(Duration.ZERO, Source.PROGRESS));
        }
        // Past the estimate the history was wrong about this run: trust what is happening instead.
        if (estimate != null && estimate.compareTo(elapsed) > 0) {
            return Optional.of(new Eta(estimate.minus(elapsed), Source.HISTORY));
        }
        if (done > 0 && total > done) {
            long millis = elapsed.toMillis() * (total - done) / done;
            return Optional.of(new Eta(Duration.ofMillis(millis), Source.PROGRESS));
        }
        return Optional.empty();
    }
}
