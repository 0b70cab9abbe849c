package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;

/**
 * `salvo run --isolation persistent` end to end on real pytest workers. Each test of the suites
 * below appends "pid start end name" to log.txt, so where and when things ran can be checked.
 */
class PersistentWorkersTest {
    private static final String LOG = String.join("\n",
            "import os, time",
            "import pytest",
            "",
            "@pytest.fixture(autouse=True)",
            "def _trace(request):",
            "    start = time.time()",
            "    yield",
            "    with open(os.path.join(str(request.config.rootpath), 'log.txt'), 'a') as f:",
            "        f.write('%d %.4f %.4f %s\\n' % (os.getpid(), start, time.time(), request.node.name))",
            "");

    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private record Entry(long pid, double start, double end, String name) {}


    private void suite(Map<String, String> files) {
        Salvo.write(dir, "conftest.py", LOG);
        Salvo.write(dir, "pytest.ini", "[pytest]\n");
        files.forEach((name, body) -> Salvo.write(dir, name, body));
    }

    private List<Entry> log() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("log.txt"))) {
            String[] p = line.split(" ", 4);
            entries.add(new Entry(Long.parseLong(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), p[3]));
        }
        return entries;
    }

    private Map<String, Long> pidByTest() throws IOException {
        Map<String, Long> pids = new HashMap<>();
        log().forEach(e -> pids.put(e.name(), e.pid()));
        return pids;
    }

    private JsonNode lastRun() throws IOException {
        return new ObjectMapper().readTree(dir.resolve(".salvo/last_run.json").toFile());
    }

    private static String tests(String prefix, int n, String body) {
        StringBuilder s = new StringBuilder("import time\n");
        for (int i = 0; i < n; i++) {
            s.append("\n\ndef test_").append(prefix).append(i).append("():\n    ").append(body).append('\n');
        }
        return s.toString();
    }

    @Test
    void workersAreReusedAndEveryTestIsRecordedOnce() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (int f = 0; f < 6; f++) {
            files.put("test_f" + f + ".py", tests("f" + f + "_", 3, "time.sleep(0.05)"));
        }
        suite(files);
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2");
        assertEquals(0, r.exit(), r.toString());
        List<Entry> log = log();
        assertEquals(18, log.size());
        assertEquals(18, log.stream().map(Entry::name).distinct().count(), "each test ran once");
        assertTrue(log.stream().map(Entry::pid).distinct().count() <= 2, "at most two processes: " + log);
        assertEquals(6, lastRun().path("units").size());
        assertTrue(r.out().contains("PASSED   test_f0.py  3 passed"), r.out());
    }

    @Test
    void loadfileKeepsAFileOnOneWorkerAndNoRunsEverythingInOne() throws IOException {
        suite(Map.of("test_a.py", tests("a", 4, "time.sleep(0.1)"), "test_b.py", tests("b", 4, "time.sleep(0.1)")));
        assertEquals(0, Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2", "--dist", "loadfile").exit());
        Map<String, Long> pids = pidByTest();
        for (String f : List.of("a", "b")) {
            Set<Long> filePids = new HashSet<>();
            pids.forEach((test, pid) -> {
                if (test.startsWith("test_" + f)) {
                    filePids.add(pid);
                }
            });
            assertEquals(1, filePids.size(), "file " + f + " on one worker: " + pids);
        }
        Files.delete(dir.resolve("log.txt"));
        assertEquals(0, Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2", "--dist", "no").exit());
        assertEquals(1, new HashSet<>(pidByTest().values()).size(), "--dist no: one worker");
    }

    @Test
    void loadscopeKeepsAClassTogether() throws IOException {
        String classes = "import time\n\nclass TestOne:\n" + "    def test_1(self):\n        time.sleep(0.1)\n".repeat(1)
                + "    def test_2(self):\n        time.sleep(0.1)\n    def test_3(self):\n        time.sleep(0.1)\n\n"
                + "class TestTwo:\n    def test_4(self):\n        time.sleep(0.1)\n    def test_5(self):\n        time.sleep(0.1)\n";
        suite(Map.of("test_k.py", classes));
        assertEquals(0, Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2", "--dist", "loadscope").exit());
        Map<String, Long> pids = pidByTest();
        assertEquals(pids.get("test_1"), pids.get("test_2"));
        assertEquals(pids.get("test_1"), pids.get("test_3"));
        assertEquals(pids.get("test_4"), pids.get("test_5"));
    }

    @Test
    void eachRunsEveryTestOnEveryWorker() throws IOException {
        suite(Map.of("test_e.py", tests("e", 2, "pass")));
        assertEquals(0, Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2", "--dist", "each").exit());
        List<Entry> log = log();
        assertEquals(4, log.size(), log.toString());
        assertEquals(2, log.stream().map(Entry::pid).distinct().count());
    }

    @Test
    void groupsKeepTheirMembersTogetherAndIsolatedOnesAlone() throws IOException {
        suite(Map.of(
                "test_g1.py", "import pytest, time\n\n@pytest.mark.xdist_group('db')\ndef test_x1():\n    time.sleep(0.2)\n\n"
                        + "@pytest.mark.salvo_group('alone', 'isolated_serial')\ndef test_iso1():\n    time.sleep(0.3)\n",
                "test_g2.py", "import pytest, time\n\n@pytest.mark.xdist_group('db')\ndef test_x2():\n    time.sleep(0.2)\n\n"
                        + "@pytest.mark.mp_group('alone')\ndef test_iso2():\n    time.sleep(0.3)\n",
                "test_free.py", tests("free", 6, "time.sleep(0.2)")));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2", "--dist", "loadgroup");
        assertEquals(0, r.exit(), r.toString());
        List<Entry> log = log();
        Map<String, Entry> byName = new HashMap<>();
        log.forEach(e -> byName.put(e.name(), e));
        assertEquals(byName.get("test_x1").pid(), byName.get("test_x2").pid(), "xdist_group on one worker");
        assertEquals(byName.get("test_iso1").pid(), byName.get("test_iso2").pid(), "isolated_serial on one worker");
        for (String iso : List.of("test_iso1", "test_iso2")) {
            Entry i = byName.get(iso);
            for (Entry other : log) {
                if (!other.name().startsWith("test_iso")) {
                    assertTrue(other.end() <= i.start() + 0.01 || other.start() >= i.end() - 0.01,
                            iso + " overlapped " + other.name() + ": " + log);
                }
            }
        }
    }

    @Test
    void aCrashedWorkerIsReplacedAndItsPendingTestsStillRun() throws IOException {
        suite(Map.of("test_c.py", "import os, time\n\ndef test_1():\n    pass\n\ndef test_2():\n    os._exit(9)\n\n"
                + "def test_3():\n    pass\n\ndef test_4():\n    pass\n"));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1", "--dist", "loadfile");
        assertEquals(1, r.exit(), r.toString());
        JsonNode tests = lastRun().path("units").get(0).path("tests");
        Map<String, String> outcomes = new HashMap<>();
        tests.forEach(t -> outcomes.put(t.path("id").asText(), t.path("outcome").asText()));
        assertEquals("CRASHED", outcomes.get("test_c.py::test_2"), outcomes.toString());
        assertEquals("PASSED", outcomes.get("test_c.py::test_3"), "requeued and run: " + outcomes);
        assertEquals("PASSED", outcomes.get("test_c.py::test_4"), outcomes.toString());
        assertEquals(4, outcomes.size());
        assertTrue(r.out().contains("worker gw1 exited with code 9 during test_2"), r.out());
    }

    @Test
    void aHangingTestTimesOutAndTheRestRuns() throws IOException {
        suite(Map.of("test_h.py", "import time\n\ndef test_hang():\n    time.sleep(120)\n\ndef test_after():\n    pass\n"));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1", "--test-timeout", "1");
        assertEquals(1, r.exit(), r.toString());
        Map<String, String> outcomes = new HashMap<>();
        lastRun().path("units").get(0).path("tests").forEach(t -> outcomes.put(t.path("id").asText(), t.path("outcome").asText()));
        assertEquals("TIMEOUT", outcomes.get("test_h.py::test_hang"));
        assertEquals("PASSED", outcomes.get("test_h.py::test_after"));
    }

    @Test
    void workersAreRecycledAfterMaxTests() throws IOException {
        suite(Map.of("test_m.py", tests("m", 6, "pass")));
        assertEquals(0, Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1", "--max-tests-per-worker", "2").exit());
        assertEquals(3, log().stream().map(Entry::pid).distinct().count(), log().toString());
    }

    @Test
    void sharedStateFixturesWorkAcrossWorkers() throws IOException {
        String body = String.join("\n",
                "import os, time",
                "",
                "def _append(request, text):",
                "    with open(os.path.join(str(request.config.rootpath), 'locked.txt'), 'a') as f:",
                "        f.write(text)",
                "",
                "def test_lock_a(salvo_lock, request):",
                "    with salvo_lock():",
                "        _append(request, '<a'); time.sleep(0.3); _append(request, 'a>')",
                "",
                "def test_lock_b(mp_lock, request):",
                "    with mp_lock:",
                "        _append(request, '<b'); time.sleep(0.3); _append(request, 'b>')",
                "",
                "def test_lock_c(salvo_lock, request):",
                "    with salvo_lock():",
                "        _append(request, '<c'); time.sleep(0.3); _append(request, 'c>')",
                "");
        suite(Map.of("test_l1.py", body, "test_board.py", String.join("\n",
                "def test_board(salvo_board, mp_message_board):",
                "    salvo_board['k'] = {'n': 1}",
                "    assert mp_message_board['k'] == {'n': 1}",
                "")));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2");
        assertEquals(0, r.exit(), r.toString());
        String locked = Files.readString(dir.resolve("locked.txt"));
        assertTrue(locked.matches("(<(\\w)\\2>)+"), "critical sections never interleave: " + locked);
    }

    @Test
    void aSessionOnceFixtureIsSetUpAndTornDownExactlyOnce() throws IOException {
        Salvo.write(dir, "conftest.py", LOG + String.join("\n",
                "from salvo_pytest import once",
                "",
                "@once()",
                "def shared_db(request):",
                "    path = os.path.join(str(request.config.rootpath), 'once.txt')",
                "    with open(path, 'a') as f: f.write('setup %d\\n' % os.getpid())",
                "    yield 'db-url'",
                "    with open(path, 'a') as f: f.write('teardown %d\\n' % os.getpid())",
                ""));
        Salvo.write(dir, "pytest.ini", "[pytest]\n");
        for (int f = 0; f < 4; f++) {
            Salvo.write(dir, "test_o" + f + ".py", "import time\n\ndef test_uses(shared_db):\n    time.sleep(0.3)\n"
                    + "    assert shared_db == 'db-url'\n");
        }
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "2");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = Files.readAllLines(dir.resolve("once.txt"));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("setup") && lines.get(1).startsWith("teardown"), lines.toString());
        assertEquals(2, log().stream().map(Entry::pid).distinct().count(), "both workers used it: " + log());
    }

    @Test
    void failuresCarryPytestsOwnExplanation() throws IOException {
        suite(Map.of("test_a.py", "def test_sum():\n    assert sum([0.1] * 3) == 0.3\n"));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1");
        assertEquals(1, r.exit(), r.toString());
        JsonNode failure = lastRun().path("units").get(0).path("tests").get(0).path("failure");
        assertEquals("ASSERTION", failure.path("kind").asText());
        assertEquals("AssertionError: assert 0.30000000000000004 == 0.3", failure.path("message").asText());
    }

    @Test
    void aGroupCanAskForItsOwnProcessOnPersistentWorkers() throws IOException {
        suite(Map.of("test_iso.py", String.join("\n",
                "import os, pytest",
                "",
                "def _record(request, name):",
                "    with open(os.path.join(str(request.config.rootpath), 'ppids.txt'), 'a') as f:",
                "        f.write('%s %d %d\\n' % (name, os.getpid(), os.getppid()))",
                "",
                "def test_plain(request):",
                "    _record(request, 'plain')",
                "",
                "@pytest.mark.salvo_group('dangerous', 'serial', isolation='fork')",
                "def test_forked(request):",
                "    _record(request, 'forked')",
                ""), "test_bad_iso.py", "import pytest\n\n@pytest.mark.salvo_group('g', isolation='sideways')\n"
                + "def test_x():\n    pass\n"));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1");
        assertEquals(1, r.exit(), r.toString());
        Map<String, long[]> pids = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("ppids.txt"))) {
            String[] p = line.split(" ");
            pids.put(p[0], new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
        }
        assertEquals(pids.get("plain")[0], pids.get("forked")[1], "the group ran in a child of the worker");
        assertTrue(r.out().contains("unknown isolation 'sideways'"), r.out());
    }

    @Test
    void anImportThatHangsTimesOutItsFileAndTheRunGoesOn() throws IOException {
        suite(Map.of("test_stuck.py", "import time\ntime.sleep(1000)\n\ndef test_never():\n    pass\n",
                "test_fine.py", tests("fine", 2, "pass")));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1", "-t", "3", "--dist", "loadfile");
        assertEquals(1, r.exit(), r.toString());
        Map<String, String> units = new HashMap<>();
        lastRun().path("units").forEach(u -> units.put(u.path("id").asText(), u.path("outcome").asText()));
        assertEquals(Map.of("test_stuck.py", "TIMEOUT", "test_fine.py", "PASSED"), units);
    }

    @Test
    void aWorkerKeptAliveByAThreadIsKilledAndNamed() throws IOException {
        suite(Map.of("test_thread.py", "import threading, time\n\ndef poll_forever():\n    while True:\n"
                + "        time.sleep(0.1)\n\ndef test_starts_a_thread():\n"
                + "    threading.Thread(target=poll_forever, name='poller').start()\n"));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1", "--hang-grace", "1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("non-daemon thread 'poller'"), r.out());
    }

    @Test
    void aSessionFixtureTeardownErrorFailsTheRun() throws IOException {
        Salvo.write(dir, "conftest.py", LOG + String.join("\n",
                "@pytest.fixture(scope='session')",
                "def resource():",
                "    yield 1",
                "    raise RuntimeError('could not release the resource')",
                ""));
        Salvo.write(dir, "pytest.ini", "[pytest]\n");
        Salvo.write(dir, "test_r.py", "def test_uses(resource):\n    assert resource == 1\n");
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("a session fixture's teardown failed on gw1 after this file"), r.out());
        assertTrue(Files.readString(dir.resolve(".salvo/last_run.json")).contains("could not release the resource"));
    }

    @Test
    void ctrlCOnPersistentWorkersIsAnInterruptionNotACrash() throws Exception {
        suite(Map.of("test_slow.py", "import os, time\n\ndef test_waits(request):\n"
                + "    open(os.path.join(str(request.config.rootpath), 'started'), 'w').close()\n    time.sleep(60)\n"));
        Salvo.Result r = Salvo.interruptOnce(dir, "started", () -> { }, "run", "--isolation", "persistent", "-w", "1");
        assertEquals(2, r.exit(), r.toString());
        String last = Files.readString(dir.resolve(".salvo/last_run.json"));
        assertTrue(last.contains("INTERRUPTED"), last);
        assertFalse(last.contains("CRASHED"), "a stop is not a crash: " + last);
    }

    @Test
    void noCaptureStreamsOutputPrefixedWithTheWorker() {
        suite(Map.of("test_p.py", "def test_prints():\n    print('hello from the test')\n"));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "persistent", "-w", "1", "--no-capture");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("[gw1] hello from the test"), r.out());
    }

    @Test
    void optionsThatDoNotFitAreRefused() {
        suite(Map.of("test_p.py", "def test_x():\n    pass\n"));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "fresh", "--dist", "loadscope");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("--isolation persistent"), r.err());
        Salvo.Result bad = Salvo.run(dir, "run", "--isolation", "persistent", "--dist", "sideways");
        assertEquals(4, bad.exit());
        assertFalse(bad.err().contains("\tat "), bad.err());
    }
}
