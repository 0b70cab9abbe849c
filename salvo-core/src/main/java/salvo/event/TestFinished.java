package salvo.event;

import salvo.model.TestResult;

/** One test's attempt ended. */
public record TestFinished(String worker, TestResult result) implements RunEvent {
}
