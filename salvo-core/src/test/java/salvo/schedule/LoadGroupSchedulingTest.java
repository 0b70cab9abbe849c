package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --dist loadgroup: an xdist_group (a serial group) stays on one worker; the rest is load. */
class LoadGroupSchedulingTest {

    @Test
    void membersOfAnXdistGroupRunOnOneWorkerAndTheRestOnAll() {
        Suite suite = new Suite();
        for (String file : List.of("a.py", "b.py", "c.py")) {
            suite.tests(file, 6, 200);
        }
        suite.grouped("a.py", "db1", 300, "db", GroupStrategy.SERIAL).grouped("c.py", "db2", 300, "db",
                GroupStrategy.SERIAL).grouped("c.py", "db3", 300, "db", GroupStrategy.SERIAL);
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOADGROUP, 2), suite).run(2);
        Set<String> groupWorkers = new HashSet<>();
        Set<String> otherWorkers = new HashSet<>();
        for (String id : suite.ids()) {
            (suite.item(id).group().isPresent() ? groupWorkers : otherWorkers).add(result.span(id).worker());
        }
        assertEquals(1, groupWorkers.size());
        assertEquals(2, otherWorkers.size());
        result.assertEachTestRanOnce(suite);
    }
}
