package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --dist each: every worker collects every file itself and runs every test. */
class EachSchedulingTest {

    @Test
    void everyWorkerCollectsEveryFileAndRunsEveryTest() {
        Suite suite = new Suite().tests("a.py", 2, 100).tests("b.py", 3, 100).tests("c.py", 1, 100);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.EACH, 3), suite).run(3);
        for (String worker : List.of("gw0", "gw1", "gw2")) {
            List<String> collected = result.collects().stream().filter(h -> h.worker().equals(worker))
                    .map(h -> ((Work.Collect) h.work()).file()).toList();
            assertEquals(List.of("b.py", "a.py", "c.py"), collected, worker + " collects longest first");
            List<String> ran = result.spans().stream().filter(s -> s.worker().equals(worker))
                    .map(Simulation.Span::testId).sorted().toList();
            assertEquals(suite.ids().stream().sorted().toList(), ran, worker);
        }
    }

    @Test
    void aWorkerAddedAfterALossCarriesOnWhereTheLostOneStopped() {
        Suite suite = new Suite().tests("a.py", 3, 100).tests("b.py", 1, 100);
        Scheduler scheduler = suite.scheduler(DistMode.EACH, 2);
        scheduler.addWorker("gw0");
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        assertEquals(new Work.Run("a.py", suite.ids("a.py")), scheduler.next("gw0"));
        scheduler.finished("gw0", "a.py::t0"); // crashed
        assertEquals(List.of("a.py::t1", "a.py::t2"), scheduler.removeWorker("gw0"));
        scheduler.addWorker("gw2");
        assertEquals(new Work.Run("a.py", List.of("a.py::t1", "a.py::t2")), scheduler.next("gw2"));
        scheduler.finished("gw2", "a.py::t1");
        scheduler.finished("gw2", "a.py::t2");
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw2"));
        scheduler.collected("gw2", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("b.py", List.of("b.py::t0")), scheduler.next("gw2"));
        scheduler.finished("gw2", "b.py::t0");
        assertEquals(new Work.Stop(), scheduler.next("gw2"));
        assertTrue(scheduler.isFinished());
    }

    @Test
    void isFinishedOnlyWhenEveryWorkerHasRunEverything() {
        Suite suite = new Suite().tests("a.py", 1, 100);
        Scheduler scheduler = suite.scheduler(DistMode.EACH, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        for (String worker : List.of("gw0", "gw1")) {
            assertEquals(new Work.Collect("a.py"), scheduler.next(worker));
            scheduler.collected(worker, "a.py", suite.items("a.py"));
            assertEquals(new Work.Run("a.py", List.of("a.py::t0")), scheduler.next(worker));
        }
        scheduler.finished("gw0", "a.py::t0");
        assertFalse(scheduler.isFinished());
        scheduler.finished("gw1", "a.py::t0");
        assertTrue(scheduler.isFinished());
    }
}
