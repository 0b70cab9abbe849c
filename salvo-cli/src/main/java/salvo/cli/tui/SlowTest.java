package salvo.cli.tui;

import java.time.Duration;
import salvo.model.NodeId;
import salvo.model.Outcome;

/** A finished test and how long it took, for the slowest-tests list. */
record SlowTest(NodeId node, Duration duration, Outcome outcome) {
    String testId() {
        return node.id();
    }
}
