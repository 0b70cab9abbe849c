package salvo.cli.tui;

import java.time.Duration;
import salvo.model.Outcome;

/** A finished test and how long it took, for the slowest-tests list. */
record SlowTest(String testId, Duration duration, Outcome outcome) {
}
