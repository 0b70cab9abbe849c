package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A worker lost mid-run: its unfinished tests go back at the front; the crashed one is not re-run. */
class CrashTest {

    @Test
    void theUnfinishedTestsOfALostWorkerAreHandedOutFirst() {
        Suite suite = new Suite().tests("a.py", 6, 1000).tests("b.py", 6, 1000);
        Scheduler scheduler = suite.scheduler(DistMode.LOAD, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::t0", "a.py::t1", "a.py::t2")), scheduler.next("gw0"));
        scheduler.finished("gw0", "a.py::t0");
        scheduler.finished("gw0", "a.py::t1"); // crashed: reported before the worker is removed
        assertEquals(List.of("a.py::t2"), scheduler.removeWorker("gw0"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        // Before gw1's own file; filled up to the share (10 s left / 4) with a.py's next test.
        assertEquals(new Work.Run("a.py", List.of("a.py::t2", "a.py::t3")), scheduler.next("gw1"));
        assertFalse(scheduler.isFinished());
    }

    @ParameterizedTest
    @EnumSource(names = {"LOAD", "LOADFILE", "LOADSCOPE", "LOADGROUP", "NO"})
    void nothingIsLostAndNothingButTheCrashedTestRunsTwice(DistMode mode) {
        Suite suite = new Suite();
        for (String file : List.of("a.py", "b.py", "c.py")) {
            suite.inClass(file, "K", "t0", 300).inClass(file, "K", "t1", 300).inClass(file, "K", "t2", 300)
                    .tests(file, 6, 300);
        }
        Simulation.Result result = new Simulation(suite.scheduler(mode, 2), suite)
                .collectCost(50).crashOn("b.py::K::t1").run(2);
        result.assertEachTestRanOnceExcept(suite, Set.of("b.py::K::t1"));
        assertFalse(result.requeued().isEmpty(), "the crash should have left tests to requeue");
    }
}
