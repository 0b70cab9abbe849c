package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --dist loadscope: a scope (module, or class) runs whole, in one run, on any worker. */
class LoadScopeSchedulingTest {

    private static Suite classes() {
        Suite suite = new Suite();
        for (String cls : List.of("K", "L", "M", "N")) {
            for (int i = 0; i < 3; i++) {
                suite.inClass("a.py", cls, "t" + i, 500);
            }
        }
        return suite.tests("a.py", 4, 200).tests("b.py", 2, 200);
    }

    @Test
    void eachScopeRunsWholeInOneRun() {
        Suite suite = classes();
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOADSCOPE, 2), suite).run(2);
        Set<String> scopesSeen = new HashSet<>();
        for (Simulation.Handout handout : result.runs()) {
            List<String> ids = ((Work.Run) handout.work()).testIds();
            Set<String> scopes = new HashSet<>(ids.stream().map(id -> suite.item(id).scope()).toList());
            assertEquals(1, scopes.size(), () -> "one run, several scopes: " + ids);
            String scope = scopes.iterator().next();
            assertTrue(scopesSeen.add(scope), () -> "scope " + scope + " split over runs");
            assertEquals(suite.ids().stream().filter(id -> suite.item(id).scope().equals(scope)).count(), ids.size());
        }
        result.assertEachTestRanOnce(suite);
    }

    @Test
    void anIdleWorkerTakesWholeScopesOfAFileAnotherWorkerCollected() {
        Suite suite = classes();
        Simulation.Result result = new Simulation(suite.scheduler(DistMode.LOADSCOPE, 2), suite).run(2);
        Set<String> workersOnA = new HashSet<>();
        suite.ids("a.py").forEach(id -> workersOnA.add(result.span(id).worker()));
        assertEquals(2, workersOnA.size());
    }
}
