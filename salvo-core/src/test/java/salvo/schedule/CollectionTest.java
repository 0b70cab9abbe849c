package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lazy, once-per-file collection in the modes where workers share the suite. */
class CollectionTest {

    private static Suite files(int count, int testsEach) {
        Suite suite = new Suite();
        for (int i = 0; i < count; i++) {
            suite.tests("test_" + i + ".py", testsEach, 100 + i);
        }
        return suite;
    }

    @Test
    void aWorkerRunsTheTestsItCollectedBeforeItCollectsAnotherFile() {
        Suite suite = files(4, 3);
        Scheduler scheduler = suite.scheduler(DistMode.LOAD, 2);
        scheduler.addWorker("gw0");
        assertEquals(new Work.Collect("test_3.py"), scheduler.next("gw0"));
        scheduler.collected("gw0", "test_3.py", suite.items("test_3.py"));
        Work.Run run = assertInstanceOf(Work.Run.class, scheduler.next("gw0"));
        assertEquals("test_3.py", run.file());
    }

    @Test
    void theFirstRunIsHandedOutBeforeTheLastFileIsCollected() {
        Suite suite = files(8, 3);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite).collectCost(50).run(2);
        assertTrue(result.runs().get(0).time() < result.lastCollectAt(),
                () -> "first run at " + result.runs().get(0).time() + ", last collect at " + result.lastCollectAt());
        result.assertEachTestRanOnce(suite);
    }

    @ParameterizedTest
    @EnumSource(names = {"LOAD", "LOADFILE", "LOADSCOPE", "LOADGROUP", "NO"})
    void everyFileIsCollectedOnce(DistMode mode) {
        Suite suite = files(10, 4);
        Simulation.Result result = new Simulation(suite.scheduler(mode, 3), suite)
                .collectCost(30).importCost(20).run(3);
        List<String> collected = result.collects().stream()
                .map(h -> ((Work.Collect) h.work()).file()).sorted().toList();
        assertEquals(suite.files().stream().sorted().toList(), collected);
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void filesWithoutHistoryAreCollectedFirstThenTheLongest() {
        Suite suite = new Suite().tests("small.py", 1, 100).tests("big.py", 5, 100).tests("new.py", 1, 100)
                .tests("mid.py", 3, 100).noHistory("new.py");
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 1), suite).run(1);
        assertEquals(List.of("new.py", "big.py", "mid.py", "small.py"),
                result.collects().stream().map(h -> ((Work.Collect) h.work()).file()).toList());
    }

    @Test
    void noMoreWorkersGetWorkThanThereAreFiles() {
        Suite suite = files(3, 20);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 8), suite).run(8);
        assertEquals(3, result.workersThatGotWork().size());
        assertEquals(8, result.handouts().stream().filter(h -> h.work() instanceof Work.Stop).count());
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void aFileThatFailsToCollectIsSettledWithNoTests() {
        Suite suite = files(3, 2).failsToCollect("test_broken.py");
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite).run(2);
        assertTrue(result.runsOf("test_broken.py").isEmpty());
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void aFileWhoseCollectorIsLostIsCollectedByAnotherWorker() {
        Suite suite = files(2, 2);
        Scheduler scheduler = suite.scheduler(DistMode.LOAD, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        assertEquals(new Work.Collect("test_1.py"), scheduler.next("gw0"));
        assertEquals(List.of(), scheduler.removeWorker("gw0"));
        assertEquals(new Work.Collect("test_1.py"), scheduler.next("gw1"));
    }

    @Test
    void aReportOfAFileTheWorkerWasNotAskedToCollectIsRejected() {
        Suite suite = files(2, 2);
        Scheduler scheduler = suite.scheduler(DistMode.LOAD, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        scheduler.next("gw0");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> scheduler.collected("gw1", "test_1.py", suite.items("test_1.py")));
        assertEquals("gw1 reported test_1.py, which it was not asked to collect", e.getMessage());
    }
}
