package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --dist no: one worker runs everything, file by file in discovery order. */
class SingleWorkerSchedulingTest {

    @Test
    void oneWorkerRunsEverythingInDiscoveryOrderAndTheOthersStop() {
        Suite suite = new Suite().tests("a.py", 1, 100).tests("b.py", 3, 900).tests("c.py", 2, 100);
        Scheduler scheduler = suite.scheduler(DistMode.NO, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        for (String file : suite.files()) {
            assertEquals(new Work.Collect(file), scheduler.next("gw0"));
            if (file.equals("a.py")) {
                assertEquals(new Work.Stop(), scheduler.next("gw1"));
            }
            scheduler.collected("gw0", file, suite.items(file));
            assertEquals(new Work.Run(file, suite.ids(file)), scheduler.next("gw0"));
            suite.ids(file).forEach(id -> scheduler.finished("gw0", id));
        }
        assertEquals(new Work.Stop(), scheduler.next("gw0"));
        assertTrue(scheduler.isFinished());
    }

    @Test
    void aReplacementCarriesOnWithTheLostWorkersUnfinishedTests() {
        Suite suite = new Suite().tests("a.py", 3, 100).tests("b.py", 1, 100);
        Scheduler scheduler = suite.scheduler(DistMode.NO, 2);
        scheduler.addWorker("gw0");
        scheduler.next("gw0");
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        scheduler.next("gw0");
        scheduler.finished("gw0", "a.py::t0");
        scheduler.finished("gw0", "a.py::t1"); // crashed
        assertEquals(List.of("a.py::t2"), scheduler.removeWorker("gw0"));
        scheduler.addWorker("gw1");
        assertEquals(new Work.Run("a.py", List.of("a.py::t2")), scheduler.next("gw1"));
    }
}
