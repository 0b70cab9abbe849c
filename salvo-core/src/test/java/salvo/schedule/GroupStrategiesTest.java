package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** pytest-mp's group strategies, in the modes where workers share the suite. */
class GroupStrategiesTest {
    private static final long COLLECT = 30;

    /** Ordinary tests in five files, the first (in discovery order) the longest. */
    private static Suite ordinary() {
        Suite suite = new Suite().tests("a.py", 10, 300);
        for (String file : List.of("b.py", "c.py", "d.py", "e.py")) {
            suite.tests(file, 4, 250);
        }
        return suite;
    }

    private static List<Simulation.Span> membersOf(Simulation.Result result, Suite suite, String group) {
        return result.spans().stream().filter(inGroup(suite, group)).toList();
    }

    private static Predicate<Simulation.Span> inGroup(Suite suite, String group) {
        return s -> suite.item(s.testId()).group().filter(g -> g.name().equals(group)).isPresent();
    }

    private static Set<String> workersOf(List<Simulation.Span> spans) {
        Set<String> workers = new HashSet<>();
        spans.forEach(s -> workers.add(s.worker()));
        return workers;
    }

    private static void assertOneAtATime(List<Simulation.Span> spans) {
        for (Simulation.Span a : spans) {
            for (Simulation.Span b : spans) {
                assertFalse(a != b && a.overlaps(b), () -> a + " overlaps " + b);
            }
        }
    }

    /** Nothing outside the group runs while a member runs. */
    private static void assertIsolated(Simulation.Result result, Suite suite, String group) {
        Predicate<Simulation.Span> member = inGroup(suite, group);
        for (Simulation.Span m : result.spans().stream().filter(member).toList()) {
            for (Simulation.Span other : result.spans()) {
                assertFalse(!member.test(other) && other.overlaps(m), () -> other + " ran alongside " + m);
            }
        }
    }

    @Test
    void freeMembersAreOrdinaryTestsAndStartBeforeCollectionEnds() {
        Suite suite = ordinary().grouped("a.py", "f1", 300, "f", GroupStrategy.FREE)
                .grouped("a.py", "f2", 300, "f", GroupStrategy.FREE);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite).collectCost(COLLECT).run(2);
        long firstMember = membersOf(result, suite, "f").stream().mapToLong(Simulation.Span::start).min().orElseThrow();
        assertTrue(firstMember < result.lastCollectAt(), "free members waited for the whole suite to be collected");
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void aSerialGroupOverTwoFilesRunsOnOneWorkerOneAtATimeAlongsideOtherWork() {
        Suite suite = ordinary().grouped("b.py", "s1", 400, "s", GroupStrategy.SERIAL)
                .grouped("b.py", "s2", 400, "s", GroupStrategy.SERIAL)
                .grouped("d.py", "s3", 400, "s", GroupStrategy.SERIAL);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 3), suite).collectCost(COLLECT).run(3);
        List<Simulation.Span> members = membersOf(result, suite, "s");
        assertEquals(3, members.size());
        assertEquals(1, workersOf(members).size());
        assertOneAtATime(members);
        long start = members.stream().mapToLong(Simulation.Span::start).min().orElseThrow();
        long end = members.stream().mapToLong(Simulation.Span::end).max().orElseThrow();
        assertTrue(start >= result.lastCollectAt() + COLLECT, "the group started before every file was collected");
        assertTrue(result.spans().stream().anyMatch(s -> !members.contains(s) && s.start() < end && start < s.end()),
                "nothing ran alongside the serial group");
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void aSerialGroupInterruptedByACrashContinuesOnAnotherWorker() {
        Suite suite = ordinary();
        for (int i = 0; i < 4; i++) {
            suite.grouped(i < 2 ? "b.py" : "c.py", "s" + i, 400, "s", GroupStrategy.SERIAL);
        }
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite)
                .crashOn("b.py::s1").run(2);
        result.assertEachTestRanOnceExcept(suite, Set.of("b.py::s1"));
        List<Simulation.Span> members = membersOf(result, suite, "s");
        assertOneAtATime(members);
        String before = result.span("b.py::s0").worker();
        Set<String> after = workersOf(List.of(result.span("c.py::s2"), result.span("c.py::s3")));
        assertEquals(1, after.size());
        assertFalse(after.contains(before));
    }

    @Test
    void aSerialGroupWhoseWorkerRetiresBetweenRunsContinuesElsewhere() {
        Suite suite = new Suite().grouped("a.py", "s0", 100, "s", GroupStrategy.SERIAL)
                .grouped("b.py", "s1", 100, "s", GroupStrategy.SERIAL);
        Scheduler scheduler = suite.scheduler(DistMode.LOAD, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        scheduler.next("gw0");
        scheduler.next("gw1");
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::s0")), scheduler.next("gw0"));
        assertEquals(new Work.Stop(), scheduler.next("gw1"), "the chain is gw0's");
        scheduler.finished("gw0", "a.py::s0");
        assertEquals(List.of(), scheduler.removeWorker("gw0"));
        scheduler.addWorker("gw2");
        assertEquals(new Work.Run("b.py", List.of("b.py::s1")), scheduler.next("gw2"));
    }

    @Test
    void isolatedFreeMembersSpreadOverWorkersWithNothingElseAlongside() {
        Suite suite = ordinary();
        for (int i = 0; i < 6; i++) {
            suite.grouped(i < 3 ? "a.py" : "e.py", "i" + i, 1000, "i", GroupStrategy.ISOLATED_FREE);
        }
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 3), suite).collectCost(COLLECT).run(3);
        assertIsolated(result, suite, "i");
        assertTrue(workersOf(membersOf(result, suite, "i")).size() >= 2, "isolated_free members were not spread");
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void isolatedSerialMembersRunOnOneWorkerWithNothingElseAlongside() {
        Suite suite = ordinary().grouped("a.py", "x0", 500, "x", GroupStrategy.ISOLATED_SERIAL)
                .grouped("c.py", "x1", 500, "x", GroupStrategy.ISOLATED_SERIAL)
                .grouped("c.py", "x2", 500, "x", GroupStrategy.ISOLATED_SERIAL);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOADSCOPE, 3), suite)
                .collectCost(COLLECT).run(3);
        assertIsolated(result, suite, "x");
        assertEquals(1, workersOf(membersOf(result, suite, "x")).size());
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void isolatedGroupsRunAfterAllOtherWorkOneGroupAtATime() {
        Suite suite = ordinary().grouped("a.py", "p0", 500, "p", GroupStrategy.ISOLATED_FREE)
                .grouped("b.py", "p1", 500, "p", GroupStrategy.ISOLATED_FREE)
                .grouped("c.py", "q0", 500, "q", GroupStrategy.ISOLATED_FREE)
                .grouped("d.py", "q1", 500, "q", GroupStrategy.ISOLATED_FREE)
                .grouped("e.py", "s0", 500, "s", GroupStrategy.SERIAL);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOADFILE, 3), suite)
                .collectCost(COLLECT).run(3);
        assertIsolated(result, suite, "p");
        assertIsolated(result, suite, "q");
        Predicate<Simulation.Span> isolated = inGroup(suite, "p").or(inGroup(suite, "q"));
        long firstIsolated = result.spans().stream().filter(isolated)
                .mapToLong(Simulation.Span::start).min().orElseThrow();
        long lastOther = result.spans().stream().filter(isolated.negate())
                .mapToLong(Simulation.Span::end).max().orElseThrow();
        assertTrue(lastOther <= firstIsolated, "an isolated group started before the other work ended");
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void anIdleWorkerWaitsForAnIsolatedGroupToComeAndEachMemberGoesToAFreeWorker() {
        Suite suite = new Suite().tests("a.py", 1, 1000).grouped("a.py", "i0", 1000, "i", GroupStrategy.ISOLATED_FREE)
                .grouped("a.py", "i1", 1000, "i", GroupStrategy.ISOLATED_FREE).tests("b.py", 1, 100);
        Scheduler scheduler = suite.scheduler(DistMode.LOAD, 2);
        scheduler.addWorker("gw0");
        scheduler.addWorker("gw1");
        assertEquals(new Work.Collect("a.py"), scheduler.next("gw0"));
        assertEquals(new Work.Collect("b.py"), scheduler.next("gw1"));
        scheduler.collected("gw0", "a.py", suite.items("a.py"));
        scheduler.collected("gw1", "b.py", suite.items("b.py"));
        assertEquals(new Work.Run("a.py", List.of("a.py::t0")), scheduler.next("gw0"));
        assertEquals(new Work.Run("b.py", List.of("b.py::t0")), scheduler.next("gw1"));
        scheduler.finished("gw1", "b.py::t0");
        assertEquals(new Work.Wait(), scheduler.next("gw1"), "a.py::t0 still runs: the group must wait");
        scheduler.finished("gw0", "a.py::t0");
        assertEquals(new Work.Run("a.py", List.of("a.py::i0")), scheduler.next("gw0"));
        assertEquals(new Work.Run("a.py", List.of("a.py::i1")), scheduler.next("gw1"));
    }

    @Test
    void theFirstStrategyInDiscoveryOrderWinsWhateverFileIsCollectedFirst() {
        // b.py is collected first (longer), but a.py comes first in discovery order: isolated_serial wins.
        Suite suite = ordinary().grouped("a.py", "g0", 200, "g", GroupStrategy.ISOLATED_SERIAL)
                .grouped("e.py", "g1", 200, "g", GroupStrategy.FREE).grouped("e.py", "g2", 200, "g", GroupStrategy.FREE)
                .tests("e.py", 20, 300);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite).collectCost(COLLECT).run(2);
        assertEquals("e.py", ((Work.Collect) result.collects().get(0).work()).file());
        assertIsolated(result, suite, "g");
        assertEquals(1, workersOf(membersOf(result, suite, "g")).size());
    }

    @Test
    void aLaterStrategyForTheSameGroupIsIgnored() {
        Suite suite = ordinary().grouped("a.py", "g0", 200, "g", GroupStrategy.FREE)
                .grouped("e.py", "g1", 200, "g", GroupStrategy.ISOLATED_SERIAL)
                .grouped("e.py", "g2", 200, "g", GroupStrategy.ISOLATED_SERIAL).tests("e.py", 20, 300);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, 2), suite).collectCost(COLLECT).run(2);
        List<Simulation.Span> members = membersOf(result, suite, "g");
        assertTrue(members.stream().anyMatch(m -> result.spans().stream()
                .anyMatch(s -> !members.contains(s) && s.overlaps(m))), "the free group ran isolated");
    }
}
