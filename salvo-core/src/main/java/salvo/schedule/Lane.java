package salvo.schedule;

import java.util.List;

/** Where handed-out tests came from: the pool or group they go back to if their worker dies. */
sealed interface Lane permits ReadyTests, SerialChain {

    void finished(Queued test);

    /** Tests of a lost worker, back at the front. */
    void requeue(List<Queued> tests);

    /** Nothing queued and nothing in flight. */
    boolean drained();
}
