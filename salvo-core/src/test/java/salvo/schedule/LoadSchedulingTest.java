package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --dist load: a test-level pull queue, longest first, in runs of a share of what remains. */
class LoadSchedulingTest {

    private static Scheduler started(Suite suite, int workers) {
        Scheduler scheduler = suite.scheduler(DistMode.LOAD, workers);
        for (int i = 0; i < workers; i++) {
            scheduler.addWorker("gw" + i);
        }
        return scheduler;
    }

    private static List<String> ids(String file, int... numbers) {
        return Arrays.stream(numbers).mapToObj(n -> file + "::t" + n).toList();
    }

    @Test
    void aRunTakesAtMostAShareOfTheRemainingWork() {
        Suite suite = new Suite().tests("a.py", 10, 1000).tests("b.py", 10, 1000);
        Scheduler scheduler = started(suite, 2);
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        // 10 s ready + 10 s being collected, over 2 * 2 workers: 5 s.
        assertEquals(new Work.Run("a.py", ids("a.py", 0, 1, 2, 3, 4)), scheduler.next("gw0"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        // 5 s + 10 s left, over 4: 3.75 s.
        assertEquals(new Work.Run("b.py", ids("b.py", 0, 1, 2)), scheduler.next("gw1"));
    }

    @Test
    void aRunListsItsTestsInFileOrderSoTheyShareFixturesAsInPlainPytest() {
        Suite suite = new Suite().test("a.py", "t0", 100).test("a.py", "t1", 400).test("a.py", "t2", 300)
                .test("a.py", "t3", 200);
        Scheduler scheduler = started(suite, 1);
        scheduler.next("gw0");
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        // Chosen longest first within 1 s / 2: t1 (400 ms), then t0 (100 ms) still fits.
        assertEquals(new Work.Run("a.py", ids("a.py", 0, 1)), scheduler.next("gw0"));
    }

    @Test
    void aWorkerWithNothingOfItsOwnCollectsTheNextFileBeforeTakingAnothers() {
        Suite suite = new Suite().tests("a.py", 10, 1000).tests("b.py", 1, 1000).tests("c.py", 1, 1000);
        Scheduler scheduler = started(suite, 2);
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        assertEquals(new Work.Run("a.py", ids("a.py", 0, 1, 2)), scheduler.next("gw0"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("b.py", ids("b.py", 0)), scheduler.next("gw1"));
        scheduler.finished("gw1", "b.py::t0");
        assertEquals(new Work.Collect("c.py"), scheduler.next("gw1"));
    }

    @Test
    void theLongestTestsAreHandedOutFirstWhereverTheyAreInTheirFile() {
        Suite suite = new Suite().tests("a.py", 20, 500).tests("a.py", 2, 5000).tests("b.py", 20, 500);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite).run(2);
        List<String> firstRuns = result.runs().subList(0, 2).stream()
                .flatMap(h -> ((Work.Run) h.work()).testIds().stream()).toList();
        assertTrue(firstRuns.containsAll(List.of("a.py::t20", "a.py::t21")), firstRuns::toString);
    }

    @Test
    void aWorkerKeepsToTheFilesItImported() {
        Suite suite = new Suite().tests("a.py", 10, 100).tests("b.py", 10, 100).tests("c.py", 10, 100)
                .tests("d.py", 10, 100);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite)
                .collectCost(200).importCost(200).run(2);
        for (String file : suite.files()) {
            for (String id : suite.ids(file)) {
                assertEquals(result.collector(file), result.span(id).worker(), id);
            }
        }
    }

    @Test
    void aWorkerTakesAMuchLongerTestOfAnotherFileBeforeItsOwnShortOnes() {
        Suite suite = new Suite().test("a.py", "slow", 6000).test("a.py", "long", 3000).tests("b.py", 5, 100);
        Scheduler scheduler = started(suite, 2);
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::slow")), scheduler.next("gw0"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::long")), scheduler.next("gw1"));
    }

    @Test
    void testsWithoutHistoryStartEarly() {
        // new.py's tests are estimated at the suite median (1 s) but take 2 s.
        Suite suite = new Suite().tests("big.py", 10, 1000).tests("mid.py", 5, 1000).tests("small.py", 2, 1000)
                .tests("new.py", 4, 2000).noHistory("new.py");
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite).collectCost(10).run(2);
        long lastNewStart = suite.ids("new.py").stream().mapToLong(id -> result.span(id).start()).max().orElseThrow();
        for (String file : List.of("mid.py", "small.py")) {
            for (String id : suite.ids(file)) {
                assertTrue(lastNewStart < result.span(id).start(), id + " started before the new tests");
            }
        }
    }

    @Test
    void anIdleWorkerWaitsWhileAFileIsBeingCollectedAndStopsWhenNothingMoreWillCome() {
        Suite suite = new Suite().tests("a.py", 1, 2000).tests("b.py", 1, 1000);
        Scheduler scheduler = started(suite, 2);
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw1"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("b.py", List.of("b.py::t0")), scheduler.next("gw1"));
        scheduler.finished("gw1", "b.py::t0");
        assertEquals(new Work.Wait(), scheduler.next("gw1"), "a.py's tests may come to gw1");
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::t0")), scheduler.next("gw0"));
        assertEquals(new Work.Stop(), scheduler.next("gw1"));
        assertFalse(scheduler.isFinished());
        scheduler.finished("gw0", "a.py::t0");
        assertTrue(scheduler.isFinished());
        assertEquals(new Work.Stop(), scheduler.next("gw0"));
    }

    @Test
    void isFinishedWaitsForEveryFileToBeSettled() {
        Suite suite = new Suite().tests("a.py", 1, 2000).file("empty.py");
        Scheduler scheduler = started(suite, 2);
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("empty.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::t0")), scheduler.next("gw0"));
        scheduler.finished("gw0", "a.py::t0");
        assertFalse(scheduler.isFinished(), "empty.py is still being collected");
        scheduler.collected("gw1", "empty.py", List.of());
        assertTrue(scheduler.isFinished());
    }

    @Test
    void eventsThatContradictWhatWasHandedOutAreRejected() {
        Suite suite = new Suite().tests("a.py", 2, 1000).tests("b.py", 2, 1000);
        Scheduler scheduler = started(suite, 2);
        scheduler.next("gw0");
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> scheduler.next("gw0"));
        assertEquals("gw0 asked for work before reporting what it was given", early.getMessage());
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        scheduler.next("gw0");
        IllegalStateException stranger = assertThrows(IllegalStateException.class,
                () -> scheduler.finished("gw1", "a.py::t0"));
        assertEquals("gw1 finished a.py::t0, which it was not running", stranger.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scheduler.next("gw9"));
    }
}
