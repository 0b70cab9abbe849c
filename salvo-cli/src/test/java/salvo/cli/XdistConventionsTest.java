package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;

/**
 * Per-worker isolation written for pytest-xdist keeps working: the worker_id and testrun_uid
 * fixtures and the PYTEST_XDIST_* variables, with xdist's values, in every mode.
 */
class XdistConventionsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @BeforeEach
    void suite() {
        for (int i = 0; i < 4; i++) {
            Salvo.write(dir, "test_w" + i + ".py", String.join("\n",
                    "import os, time",
                    "def test_ids(worker_id, testrun_uid):",
                    "    time.sleep(0.2)",
                    "    if worker_id != 'master':",
                    "        assert os.environ['PYTEST_XDIST_WORKER'] == worker_id",
                    "        assert 0 <= int(worker_id[2:]) < int(os.environ['PYTEST_XDIST_WORKER_COUNT'])",
                    "        assert os.environ['PYTEST_XDIST_TESTRUNUID'] == testrun_uid",
                    "    with open(os.path.join(os.path.dirname(__file__), 'seen-%d.txt' % " + i + "), 'w') as f:",
                    "        f.write(worker_id + ' ' + testrun_uid)",
                    ""));
        }
    }

    private List<String> seen() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("seen-")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @EveryIsolationMode
    void workersAreGwZeroUpwardsAndShareOneRunId(String isolation) throws IOException {
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "-w", "2");
        assertEquals(0, r.exit(), r.toString());
        List<String> seen = seen();
        assertEquals(4, seen.size(), seen.toString());
        Set<String> workers = seen.stream().map(s -> s.split(" ")[0]).collect(Collectors.toSet());
        Set<String> runIds = seen.stream().map(s -> s.split(" ")[1]).collect(Collectors.toSet());
        assertTrue(Set.of("gw0", "gw1").containsAll(workers), "xdist's ids: " + workers);
        assertEquals(1, runIds.size(), "one testrun_uid for the run: " + runIds);
    }

    /** Debian's Python has pytest-xdist installed: idle (Salvo runs the workers), its own worker_id would say "master". */
    @EveryIsolationMode
    void withPytestXdistInstalledButIdleTheIdsAreStillXdists(String isolation) throws IOException {
        Salvo.Result r = Salvo.run(dir, "run", "--python", "/usr/bin/python3", "--isolation", isolation, "-w", "2");
        assertEquals(0, r.exit(), r.toString());
        Set<String> workers = seen().stream().map(s -> s.split(" ")[0]).collect(Collectors.toSet());
        assertTrue(Set.of("gw0", "gw1").containsAll(workers), "xdist's ids: " + workers);
    }

    @Test
    void theForegroundRunIsNotDistributed() throws IOException {
        Salvo.Result r = Salvo.run(dir, "run", "-w", "0");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(seen().stream().allMatch(s -> s.startsWith("master ")), seen().toString());
    }
}
