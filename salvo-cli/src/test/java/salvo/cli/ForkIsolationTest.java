package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;

/** `--isolation fork`: a warmed-up worker forks a child per file's work. */
class ForkIsolationTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @BeforeEach
    void suite() {
        Salvo.write(dir, "pytest.ini", "[pytest]\n");
        Salvo.write(dir, "helper_mod.py", "VALUE = []\n");
        Salvo.write(dir, "conftest.py", String.join("\n",
                "import os",
                "def pytest_runtest_setup(item):",
                "    with open(os.path.join(str(item.config.rootpath), 'pids.txt'), 'a') as f:",
                "        f.write('%s %d %d\\n' % (item.name, os.getpid(), os.getppid()))",
                ""));
        Salvo.write(dir, "test_a.py", "import helper_mod\n\ndef test_mutate():\n    helper_mod.VALUE.append(1)\n");
        Salvo.write(dir, "test_b.py", "import helper_mod\n\ndef test_pristine():\n    assert helper_mod.VALUE == []\n");
    }

    private Map<String, String> outcomes() throws Exception {
        JsonNode run = new ObjectMapper().readTree(dir.resolve(".salvo/last_run.json").toFile());
        Map<String, String> outcomes = new HashMap<>();
        run.path("units").forEach(u -> u.path("tests").forEach(t -> outcomes.put(t.path("id").asText(),
                t.path("outcome").asText() + " " + t.path("failure").path("message").asText())));
        return outcomes;
    }

    private Map<String, long[]> pids() throws Exception {
        Map<String, long[]> pids = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("pids.txt"))) {
            String[] p = line.split(" ");
            pids.put(p[0], new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
        }
        return pids;
    }

    @Test
    void eachFileSeesAPristineProcessWhereAPersistentWorkerLeaks() throws Exception {
        List<String> oneWorker = List.of("run", "-w", "1", "--dist", "loadfile", "--isolation");
        Salvo.Result persistent = Salvo.run(dir, concat(oneWorker, "persistent"));
        assertEquals(1, persistent.exit(), "module state leaks between files in one process: " + persistent);
        Files.delete(dir.resolve("pids.txt"));
        Salvo.Result fork = Salvo.run(dir, concat(oneWorker, "fork"));
        assertEquals(0, fork.exit(), fork.toString());
        long[] a = pids().get("test_mutate");
        long[] b = pids().get("test_pristine");
        assertNotEquals(a[0], b[0], "each file in its own process");
        assertEquals(a[1], b[1], "forked from the same warm worker");
    }

    @Test
    void aCrashedChildCostsItsTestNotTheWorker() throws Exception {
        Salvo.write(dir, "test_c.py", "import os\n\ndef test_1():\n    pass\n\ndef test_2():\n    os._exit(9)\n\n"
                + "def test_3():\n    pass\n");
        Salvo.Result r = Salvo.run(dir, "run", "-w", "1", "--dist", "loadfile", "--isolation", "fork", "test_c.py");
        assertEquals(1, r.exit(), r.toString());
        Map<String, String> outcomes = outcomes();
        assertEquals("CRASHED test process (forked from gw1, exited with code 9) during test_2", outcomes.get("test_c.py::test_2"));
        assertTrue(outcomes.get("test_c.py::test_3").startsWith("PASSED"), outcomes.toString());
        assertEquals(pids().get("test_1")[1], pids().get("test_3")[1], "the same worker forked both: it was not replaced");
    }

    @Test
    void sharedStateAndTimeoutsWorkInForkedChildren() throws Exception {
        Salvo.write(dir, "test_d.py", "import time\n\ndef test_lock(salvo_lock, salvo_board):\n    with salvo_lock():\n"
                + "        salvo_board['k'] = 1\n    assert salvo_board['k'] == 1\n\ndef test_hang():\n    time.sleep(60)\n\n"
                + "def test_after():\n    pass\n");
        Salvo.Result r = Salvo.run(dir, "run", "-w", "1", "--isolation", "fork", "--test-timeout", "1", "test_d.py");
        assertEquals(1, r.exit(), r.toString());
        Map<String, String> outcomes = outcomes();
        assertTrue(outcomes.get("test_d.py::test_lock").startsWith("PASSED"), outcomes.toString());
        assertTrue(outcomes.get("test_d.py::test_hang").startsWith("TIMEOUT"), outcomes.toString());
        assertTrue(outcomes.get("test_d.py::test_after").startsWith("PASSED"), outcomes.toString());
    }

    private static String[] concat(List<String> head, String last) {
        List<String> all = new java.util.ArrayList<>(head);
        all.add(last);
        return all.toArray(String[]::new);
    }
}
