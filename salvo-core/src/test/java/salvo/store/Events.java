package salvo.store;

import java.time.Duration;
import salvo.event.RunListener;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.model.RunRecord;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/** Plays a finished run's events to a listener, in the order a real run publishes them. */
final class Events {
    private Events() {}

    static void play(RunListener listener, RunRecord run) {
        String id = run.info().id();
        listener.on(new RunStarted(run.info(), run.units().stream().map(UnitResult::unit).toList(), java.util.List.of(salvo.model.WorkerRef.local("gw1")), Duration.ZERO));
        for (UnitResult unit : run.units()) {
            listener.on(new UnitStarted(id, unit.worker(), unit.unit(), unit.attempts()));
            for (TestResult test : unit.tests()) {
                listener.on(new TestFinished(id, unit.worker(), test));
            }
            listener.on(new UnitFinished(id, unit.worker(), unit, false));
        }
    }
}
