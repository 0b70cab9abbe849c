package salvo.cli.tui;

import java.time.Instant;
import salvo.model.NodeId;

/**
 * What one worker is doing, as last reported.
 *
 * @param unitId    the unit it runs, or null when idle or lost
 * @param test      the test it runs inside that unit, or null between tests
 * @param since     when it entered its current state (unit start, idle, lost)
 * @param testSince when the current test started, or null
 * @param note      why it was lost, else empty
 */
record WorkerActivity(String name, State state, String unitId, int attempt, NodeId test,
                      Instant since, Instant testSince, String note) {

    enum State { IDLE, RUNNING, LOST }

    static WorkerActivity idle(String name, Instant since) {
        return new WorkerActivity(name, State.IDLE, null, 0, null, since, null, "");
    }

    static WorkerActivity running(String name, String unitId, int attempt, Instant since) {
        return new WorkerActivity(name, State.RUNNING, unitId, attempt, null, since, null, "");
    }

    static WorkerActivity lost(String name, String reason, Instant since) {
        return new WorkerActivity(name, State.LOST, null, 0, null, since, null, reason == null ? "" : reason);
    }

    WorkerActivity inTest(NodeId test, Instant at) {
        return new WorkerActivity(name, State.RUNNING, unitId, attempt, test, since, at, note);
    }

    WorkerActivity betweenTests() {
        return new WorkerActivity(name, state, unitId, attempt, null, since, null, note);
    }

    /** What to show as running: the test when one is known, else the unit. */
    NodeId current() {
        return test != null ? test : NodeId.ofUnit(unitId);
    }

    /** Since when the shown thing has been running. */
    Instant currentSince() {
        return testSince != null ? testSince : since;
    }
}
