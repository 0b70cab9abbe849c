package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * --dist load against the lower bound max(longest test, total / workers), with exact estimates:
 * 40 tests of 0.1 s, 4 of 3 s and 1 of 6 s on 2 workers (bound 11 s), laid out in files in ways
 * that trip a naive pull queue.
 */
class MakespanTest {
    private static final int WORKERS = 2;

    /** Two files, each with its slow tests last in discovery order. */
    private static Suite slowTestsLastInTheirFiles() {
        return new Suite().tests("test_a.py", 20, 100).tests("test_a.py", 2, 3000).tests("test_a.py", 1, 6000)
                .tests("test_b.py", 20, 100).tests("test_b.py", 2, 3000);
    }

    /** Slow and fast tests in separate files. */
    private static Suite slowFileAndFastFile() {
        return new Suite().tests("test_fast.py", 40, 100).tests("test_slow.py", 4, 3000).tests("test_slow.py", 1, 6000);
    }

    /** Slow tests spread over files that also hold fast ones. */
    private static Suite spread() {
        Suite suite = new Suite().test("test_a.py", "slowest", 6000).tests("test_a.py", 10, 100);
        for (String file : new String[] {"test_b.py", "test_c.py", "test_d.py", "test_e.py"}) {
            suite.tests(file, 5, 100).test(file, "slow", 3000).tests(file, 2, 100);
        }
        return suite.tests("test_f.py", 2, 100);
    }

    @Test
    void skewedDurationsWithSlowTestsLastInTheirFiles() {
        assertNearLowerBound(MakespanTest::slowTestsLastInTheirFiles);
    }

    @Test
    void skewedDurationsInASlowAndAFastFile() {
        assertNearLowerBound(MakespanTest::slowFileAndFastFile);
    }

    @Test
    void skewedDurationsSpreadOverFiles() {
        assertNearLowerBound(MakespanTest::spread);
    }

    private static void assertNearLowerBound(Supplier<Suite> layout) {
        Suite suite = layout.get();
        long bound = Math.max(suite.longestMillis(), suite.totalMillis() / WORKERS);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOAD, WORKERS), suite).run(WORKERS);
        result.assertEachTestRanOnce(suite);
        long makespan = result.makespan();
        System.out.printf("makespan %d ms, lower bound %d ms, ratio %.3f%n",
                makespan, bound, (double) makespan / bound);
        assertTrue(makespan <= bound * 1.10, () -> "makespan " + makespan + " ms is more than 10% over the bound "
                + bound + " ms");
    }
}
