package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistModeTest {

    @Test
    void parsesTheCommandLineNamesInAnyCase() {
        assertEquals(DistMode.LOADSCOPE, DistMode.parse("loadscope"));
        assertEquals(DistMode.LOADGROUP, DistMode.parse(" LoadGroup "));
        assertEquals(DistMode.NO, DistMode.parse("no"));
    }

    @Test
    void anUnknownNameIsRejectedWithTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistMode.parse("worksteal"));
        assertEquals("unknown --dist mode 'worksteal': use one of load, loadfile, loadscope, loadgroup, each, no",
                e.getMessage());
    }

    @Test
    void theFactoryChecksItsArguments() {
        IllegalArgumentException noWorkers = assertThrows(IllegalArgumentException.class,
                () -> Schedulers.create(DistMode.LOAD, List.of("a.py"), Map.of(), 0));
        assertTrue(noWorkers.getMessage().contains("at least 1"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Schedulers.create(DistMode.LOAD, List.of("a.py", "a.py"), Map.of("a.py", Duration.ZERO), 2));
        assertEquals("file a.py is listed twice", twice.getMessage());
    }

    @Test
    void withNoFilesEveryModeIsFinishedAtOnceAndStopsItsWorkers() {
        for (DistMode mode : DistMode.values()) {
            Scheduler scheduler = Schedulers.create(mode, List.of(), Map.of(), 2);
            scheduler.addWorker("gw0");
            assertTrue(scheduler.isFinished(), mode.cliName());
            assertEquals(new Work.Stop(), scheduler.next("gw0"), mode.cliName());
        }
    }
}
