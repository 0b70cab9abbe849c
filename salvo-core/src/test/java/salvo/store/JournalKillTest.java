package salvo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/**
 * kill -9 of a journaling Salvo: a real separate JVM ({@link JournalingChild}) is killed halfway;
 * the store then holds its run as INCOMPLETE with every result the child had seen committed.
 */
class JournalKillTest {
    private static final int KILL_AFTER = 45; // tests: past a few unit ends, mid-unit most likely

    @TempDir
    Path dir;

    @Test
    void aKilledSalvoLeavesEveryDurableTestAndTheNextOpenMarksItsRunIncomplete() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path err = dir.resolve("child.err");
        // The child's lines go to a file, not a pipe: killing a process closes the pipes, and
        // what was printed just before the kill would be lost with them.
        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JournalingChild.class.getName(), dir.resolve("store").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (durable(out).size() < KILL_AFTER && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, no last flush
            child.waitFor();
        }
        // Whatever it printed before it died was committed before it was printed.
        Map<String, Outcome> durable = durable(out);
        long runId = Files.readAllLines(out).stream().filter(l -> l.startsWith("run "))
                .mapToLong(l -> Long.parseLong(l.substring(4))).findFirst().orElse(0);
        assertTrue(durable.size() >= KILL_AFTER, "the child reported " + durable.size() + " durable tests: "
                + Files.readString(err));

        try (SqliteStore store = SqliteStore.open(dir.resolve("store"))) {
            RunRecord run = store.load(runId).orElseThrow();
            assertEquals(RunStatus.INCOMPLETE, run.status());
            assertEquals(JournalingChild.RUN_ID, run.info().id());
            Map<String, Outcome> stored = new LinkedHashMap<>();
            for (UnitResult unit : run.units()) {
                for (TestResult test : unit.tests()) {
                    stored.put(test.testId(), test.outcome());
                }
            }
            for (Map.Entry<String, Outcome> test : durable.entrySet()) {
                assertEquals(test.getValue(), stored.get(test.getKey()), test.getKey() + " was durable before the kill");
            }
            // The file may hold a little more (committed, killed before printing), never a half transaction.
            assertTrue(stored.size() >= durable.size());
            int last = run.units().size() - 1;
            for (int u = 0; u < last; u++) {
                assertEquals(JournalingChild.UNIT_SIZE, run.units().get(u).tests().size(), "a finished unit is whole");
                assertTrue(run.units().get(u).outcome() != Outcome.INCOMPLETE);
            }
            UnitResult cut = run.units().get(last);
            assertTrue(cut.outcome() == Outcome.INCOMPLETE || cut.tests().size() == JournalingChild.UNIT_SIZE,
                    "the unit running at the kill is INCOMPLETE: " + cut);
            assertEquals(run, store.latest().orElseThrow());
        }
    }

    /** The tests the child reported durable, in order, with their outcomes. */
    private static Map<String, Outcome> durable(Path out) throws java.io.IOException {
        Map<String, Outcome> durable = new LinkedHashMap<>();
        if (!Files.exists(out)) {
            return durable;
        }
        for (String line : Files.readAllLines(out)) {
            String[] words = line.split(" ");
            // A line cut by the kill has no outcome yet: it was not reported.
            if (words.length == 3 && words[0].equals("durable") && (words[2].equals("PASSED") || words[2].equals("FAILED"))) {
                durable.put(words[1], Outcome.valueOf(words[2]));
            }
        }
        return durable;
    }
}
