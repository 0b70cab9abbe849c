package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --dist loadfile: a file's tests run together, on the worker that collected it. */
class LoadFileSchedulingTest {

    @Test
    void eachFileRunsWholeInOneRunOnTheWorkerThatCollectedIt() {
        Suite suite = new Suite().tests("a.py", 12, 400).tests("b.py", 3, 100).tests("c.py", 8, 200)
                .tests("d.py", 2, 900).tests("e.py", 5, 300).tests("f.py", 1, 50);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOADFILE, 3), suite).collectCost(20).run(3);
        for (String file : suite.files()) {
            assertEquals(List.of(new Work.Run(file, suite.ids(file))), result.runsOf(file), file);
            String collector = result.collector(file);
            suite.ids(file).forEach(id -> assertEquals(collector, result.span(id).worker(), id));
        }
    }

    @Test
    void theRestOfAFileWhoseWorkerIsLostRunsTogetherElsewhere() {
        Suite suite = new Suite().tests("a.py", 5, 1000).tests("b.py", 5, 900);
        Scheduler scheduler = suite.scheduler(DistMode.LOADFILE, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("a.py", suite.ids("a.py")), scheduler.next("gw0"));
        assertEquals(new Work.Run("b.py", suite.ids("b.py")), scheduler.next("gw1"));
        scheduler.finished("gw0", "a.py::t0");
        scheduler.finished("gw0", "a.py::t1");
        assertEquals(List.of("a.py::t2", "a.py::t3", "a.py::t4"), scheduler.removeWorker("gw0"));
        suite.ids("b.py").forEach(id -> scheduler.finished("gw1", id));
        assertEquals(new Work.Run("a.py", List.of("a.py::t2", "a.py::t3", "a.py::t4")), scheduler.next("gw1"));
    }

    @Test
    void testsOfAFileReleasedLaterStillGoToTheWorkerThatImportedIt() {
        // b.py is collected first, but its free group can only be known free once a.py (first in
        // discovery order) is settled; by then gw1 is idle, yet the members are gw0's.
        Suite suite = new Suite().tests("a.py", 1, 100).tests("b.py", 3, 1000)
                .grouped("b.py", "f0", 1000, "f", GroupStrategy.FREE)
                .grouped("b.py", "f1", 1000, "f", GroupStrategy.FREE);
        Scheduler scheduler = suite.scheduler(DistMode.LOADFILE, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("b.py", List.of("b.py::t0", "b.py::t1", "b.py::t2")), scheduler.next("gw0"));
        scheduler.collected("gw1", "a.py", suite.items("a.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::t0")), scheduler.next("gw1"));
        scheduler.finished("gw1", "a.py::t0");
        assertEquals(new Work.Stop(), scheduler.next("gw1"));
        List.of("b.py::t0", "b.py::t1", "b.py::t2").forEach(id -> scheduler.finished("gw0", id));
        assertEquals(new Work.Run("b.py", List.of("b.py::f0", "b.py::f1")), scheduler.next("gw0"));
    }
}
