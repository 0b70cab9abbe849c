package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;

/**
 * pytest-asyncio (0.20, strict mode), pytest-mock (3.8) and hypothesis (6.67), as Debian ships
 * them: their tests (src/test/resources/plugins/ecosystem: async fixtures and their teardown,
 * patches, spies, async mocks, passing and failing properties) end as under serial pytest in every
 * mode, and hypothesis's example database, written by concurrent workers and forked children,
 * reads back: replaying only the saved examples, the failing properties fail again with their
 * shrunk counterexamples, under plain pytest and under Salvo.
 */
class AsyncioMockHypothesisTest {
    /** The suite's hypothesis profile that runs the database's examples alone: with none saved, a property is SKIPPED. */
    private static final String REPLAY = "--hypothesis-profile=replay";
    private static final String[] SHRUNK = {"xs=[101]", "s='0000'"};

    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @EveryIsolationMode
    void testsEndAsUnderSerialPytestAndHypothesisReplaysWhatWorkersSaved(String isolation) throws Exception {
        PluginSuite suite = new PluginSuite(dir, "ecosystem");
        Path serialDatabase = Files.createDirectories(dir.resolve("serial-hypothesis"));
        PluginSuite.Plain serial = suite.plainPytest(Map.of("HYPOTHESIS_STORAGE_DIRECTORY", serialDatabase.toString()));
        assertShrunk(serial.output());

        Salvo.Result r = suite.salvo(Map.of(), isolation);
        assertEquals(1, r.exit(), "the suite's failures: " + r);
        assertEquals(serial.outcomes(), suite.salvoOutcomes(isolation), "node id -> outcome, pytest vs salvo: " + r);

        PluginSuite.Plain replayed = suite.plainPytest(Map.of(), REPLAY);
        assertEquals(serial.outcomes(), replayed.outcomes(), "plain pytest replays the examples Salvo's workers saved");
        assertShrunk(replayed.output());
        Salvo.Result again = suite.salvo(Map.of(), isolation, REPLAY);
        assertEquals(serial.outcomes(), suite.salvoOutcomes(isolation), "Salvo's next run replays them: " + again);
    }

    private static void assertShrunk(String output) {
        for (String example : SHRUNK) {
            assertTrue(output.contains(example), "the shrunk counterexample " + example + ": " + output);
        }
    }
}
