package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.RunRecord;
import salvo.model.RunStatus;
import salvo.model.UnitResult;
import salvo.store.SqliteStore;

/**
 * `salvo watch` on a real suite in a real child JVM: a failing test, the edit that fixes it (made
 * by this test), the failing test alone, then everything, then Ctrl-C; every round a stored run.
 */
class WatchTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String FAILING = "def test_fixed():\n    assert 1 == 2\n\ndef test_ok():\n    pass\n";
    private static final String FIXED = "def test_fixed():\n    assert 2 == 2\n\ndef test_ok():\n    pass\n";

    @TempDir
    Path dir;

    @Test
    void reRunsTheFailuresAfterAChangeUntilTheyPassThenEverythingUntilCtrlC() throws Exception {
        Salvo.write(dir, "test_a.py", FAILING);
        Salvo.write(dir, "test_b.py", "def test_b():\n    pass\n");
        Process salvo = Salvo.start(dir, Map.of(), "watch");
        try {
            Output out = Output.of(salvo.getInputStream());
            Output err = Output.of(salvo.getErrorStream());
            out.await("salvo watch: round 1 — the first run");
            out.await("waiting for changes under " + dir.toRealPath());
            assertTrue(out.text().contains("FAILED   test_a.py"), out.text());

            Salvo.write(dir, "test_a.py", FIXED);
            out.await("salvo watch: round 2 — 1 failing test re-run after change to test_a.py");
            out.await("salvo watch: round 3 — the failing tests pass: everything runs again");
            out.await("waiting for changes");
            List<ProcessHandle> children = salvo.descendants().toList();
            assertEquals(List.of(), children, "nothing runs while salvo waits");

            new ProcessBuilder("kill", "-INT", String.valueOf(salvo.pid())).start().waitFor();
            assertTrue(salvo.waitFor(30, TimeUnit.SECONDS), "salvo exits on Ctrl-C");
            assertEquals(0, salvo.exitValue(), "the last round passed\n" + out.text() + err.text());
            assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                    .contains(dir.toString())), "nothing it started is left running");
        } finally {
            salvo.descendants().forEach(ProcessHandle::destroyForcibly);
            salvo.destroyForcibly();
        }

        try (SqliteStore store = SqliteStore.open(dir.resolve(".salvo"))) {
            List<RunRecord> runs = Stream.of(1L, 2L, 3L).map(id -> store.load(id).orElseThrow()).toList();
            assertEquals(List.of("1", "2", "3"), runs.stream().map(r -> r.info().config().get("watch_round")).toList());
            assertEquals(List.of("test_a.py", "test_b.py"), unitIds(runs.get(0)));
            assertEquals(List.of("test_a.py"), unitIds(runs.get(1)), "only the failing file runs again");
            assertEquals(List.of("test_a.py", "test_b.py"), unitIds(runs.get(2)), "then everything");
            assertEquals(List.of(false, true, true), runs.stream().map(RunRecord::passed).toList());
            assertEquals(3, store.recent(10).size(), "no further round: nothing changed");
        }
        try (Stream<Path> left = Files.list(dir)) {
            // Dot directories are the store's and the test tools' own (.salvo, a plugin's cache).
            assertEquals(List.of("test_a.py", "test_b.py"), left.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.equals("__pycache__")).sorted().toList(),
                    "no temporary files");
        }
    }

    @Test
    void ctrlCDuringARoundStoresItAsInterruptedAndEndsTheWatch() throws Exception {
        Salvo.write(dir, "test_slow.py", "import pathlib, time\n\ndef test_slow():\n"
                + "    pathlib.Path('started').touch()\n    time.sleep(60)\n");
        Salvo.Result r = Salvo.interruptOnce(dir, "started", () -> { }, "run", "-f");
        assertEquals(2, r.exit(), r.toString());
        try (SqliteStore store = SqliteStore.open(dir.resolve(".salvo"))) {
            RunRecord run = store.latest().orElseThrow();
            assertEquals(RunStatus.INTERRUPTED, run.status(), r.toString());
            assertEquals("1", run.info().config().get("watch_round"));
        }
    }

    private static List<String> unitIds(RunRecord run) {
        return run.units().stream().map(UnitResult::unit).map(u -> u.id()).sorted().toList();
    }

    /** A child's output as it arrives, for waiting until a line shows, with a deadline. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        /** Where the last awaited text ended: each wait looks past it, so rounds are seen in order. */
        private int consumed;

        static Output of(InputStream in) {
            Output output = new Output();
            Thread reader = new Thread(() -> output.read(in), "watch-test-output");
            reader.setDaemon(true);
            reader.start();
            return output;
        }

        private void read(InputStream in) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (this) {
                        text.append(line).append('\n');
                        notifyAll();
                    }
                }
            } catch (IOException closed) {
                // The child is gone: what it said is all there is.
            }
        }

        /** Waits until the output holds {@code needle} after everything awaited so far. */
        synchronized void await(String needle) throws InterruptedException {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (text.indexOf(needle, consumed) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no '" + needle + "' within " + DEADLINE.toSeconds() + " s in:\n" + text);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            consumed = text.indexOf(needle, consumed) + needle.length();
        }

        synchronized String text() {
            return text.toString();
        }
    }
}
