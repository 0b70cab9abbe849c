package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;
import salvo.testing.SshHosts;

/**
 * Workers on other hosts through --tx ssh=...: real sshd servers in network namespaces (or on
 * loopback ports where namespaces cannot be made), the system's ssh and rsync.
 */
class RemoteHostsTest {
    private static SshHosts hosts;

    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @BeforeAll
    static void startHosts() throws IOException {
        assumeTrue(SshHosts.available(), "sshd and ssh are not installed (.ci/run installs them)");
        hosts = SshHosts.start(2);
        if (!hosts.namespaced()) {
            System.err.println("RemoteHostsTest: network namespaces are not available here; hosts are sshd on loopback ports");
        }
    }

    @AfterAll
    static void stopHosts() {
        if (hosts != null) {
            hosts.close();
        }
    }

    private String tx(String host, String... keys) {
        return "ssh=" + host + "//ssh_config=" + hosts.sshConfig() + (keys.length == 0 ? "" : "//" + String.join("//", keys));
    }

    private void suite(int files) {
        for (int i = 0; i < files; i++) {
            Salvo.write(dir, "tests/test_m" + i + ".py", String.join("\n",
                    "import os, socket, time",
                    "def test_pass():",
                    "    print('on', socket.gethostname())",
                    "def test_where():",
                    "    marks, me = os.environ['MARK_DIR'], os.environ['SALVO_HOST_NAME']",
                    "    with open(marks + '/where-%d' % " + i + ", 'w') as f:",
                    "        f.write(me + ' ' + os.path.abspath(__file__) + ' ' + os.environ['PYTEST_XDIST_WORKER'])",
                    "    # Every host must take part however fast the others start: wait (a while) for another's mark.",
                    "    deadline = time.time() + 30",
                    "    while os.environ.get('WAIT_FOR_OTHERS') and time.time() < deadline and all(",
                    "            open(marks + '/' + m).read().startswith(me) for m in os.listdir(marks)):",
                    "        time.sleep(0.05)",
                    i == 0 ? "def test_fails():\n    assert 1 == 2\n" : ""));
        }
        Salvo.write(dir, "pytest.ini", "[pytest]\ntestpaths = tests\n");
    }

    private Path marks() throws IOException {
        return Files.createDirectories(dir.resolve("marks"));
    }

    private List<String> where() throws IOException {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(dir.resolve("marks"))) {
            files.sorted().forEach(f -> {
                try {
                    lines.add(Files.readString(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return lines;
    }

    @Test
    void runsOnTwoHostsWithTheLocalNamesAndCounts() throws Exception {
        suite(4);
        Path marks = marks();
        Salvo.Result r = Salvo.run(dir, "run",
                "--tx", "2*" + tx("h1", "env:SALVO_HOST_NAME=h1", "env:MARK_DIR=" + marks, "env:WAIT_FOR_OTHERS=1"),
                "--tx", tx("h2", "env:SALVO_HOST_NAME=h2", "env:MARK_DIR=" + marks, "env:WAIT_FOR_OTHERS=1"));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("on 3 workers (h1: 2, h2: 1)"), r.toString());
        assertTrue(r.out().contains("8 passed") && r.out().contains("1 failed"), r.toString());
        List<String> where = where();
        assertEquals(4, where.size(), where.toString());
        assertTrue(where.stream().anyMatch(w -> w.startsWith("h1 ")) && where.stream().anyMatch(w -> w.startsWith("h2 ")),
                "both hosts ran tests: " + where);
        for (String w : where) {
            assertTrue(w.split(" ")[1].startsWith(dir.resolve("tests").toString()), "no copy: the same paths: " + w);
        }
        Map<String, String> stored = storedWorkers();
        assertEquals(9, stored.size(), stored.toString());
        assertTrue(stored.values().stream().allMatch(w -> w.matches("h[12]/gw[123]")), "the host is part of the worker: "
                + stored);
        assertEquals("FAILED", storedOutcome("tests/test_m0.py::test_fails"));
    }

    @Test
    void rsyncCopiesTheRootAndReportsLocalNames() throws Exception {
        suite(2);
        Path marks = marks();
        Salvo.Result r = Salvo.run(dir, "run", "--tx", tx("h1", "env:SALVO_HOST_NAME=h1", "env:MARK_DIR=" + marks),
                "--rsyncdir", ".", "--rsyncignore", "marks");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().matches("(?s).*salvo: rsync \\./? -> h1:\\S+: \\d+ files? \\(.*\\) copied \\(dependencies are not.*"),
                r.toString());
        for (String w : where()) {
            String file = w.split(" ")[1];
            assertFalse(file.startsWith(dir.toString()), "ran from the copy: " + w);
            assertTrue(file.contains("/.cache/salvo/checkouts/"), w);
        }
        assertEquals("FAILED", storedOutcome("tests/test_m0.py::test_fails"), "node ids are the local ones");
    }

    /**
     * A test that says where it runs and hangs there: on its first try only (HANG=first), or on
     * every try (HANG=always). Three quick files beside it.
     */
    private void hangingSuite() {
        Salvo.write(dir, "tests/test_hang.py", String.join("\n",
                "import glob, os, time",
                "def test_hangs_on_a_lost_host():",
                "    marks = os.environ['MARK_DIR']",
                "    first = not glob.glob(marks + '/started-*')",
                "    open(marks + '/started-' + os.environ['SALVO_HOST_NAME'], 'w').close()",
                "    if first or os.environ['HANG'] == 'always':",
                "        time.sleep(120)",
                ""));
        for (int i = 0; i < 3; i++) {
            Salvo.write(dir, "tests/test_quick" + i + ".py", "def test_quick():\n    pass\n");
        }
        Salvo.write(dir, "pytest.ini", "[pytest]\ntestpaths = tests\n");
    }

    /** The host (1 or 2) where the hanging test started, once it has, other than {@code not}. */
    private static int startedOn(Path marks, int not) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (int h = 1; h <= 2; h++) {
                if (h != not && Files.exists(marks.resolve("started-h" + h))) {
                    return h;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the hanging test did not start within 60 s");
    }

    private String[] twoHosts(SshHosts own, Path marks, String hang) {
        String cfg = "//ssh_config=" + own.sshConfig() + "//env:MARK_DIR=" + marks + "//env:HANG=" + hang;
        return new String[] {"run", "--tx", "ssh=h1" + cfg + "//env:SALVO_HOST_NAME=h1",
                "--tx", "ssh=h2" + cfg + "//env:SALVO_HOST_NAME=h2"};
    }

    @Test
    void aTestOnAHostWhoseLinkWentDownRunsAgainElsewhere() throws Exception {
        assumeTrue(hosts.namespaced(), "taking a link down needs network namespaces");
        hangingSuite();
        Path marks = marks();
        try (SshHosts own = SshHosts.start(2)) {
            Process salvo = Salvo.start(dir, Map.of(), twoHosts(own, marks, "first"));
            try {
                int lost = startedOn(marks, 0);
                own.unplug(lost);
                Salvo.Result r = Salvo.finish(salvo, 120);
                assertEquals(0, r.exit(), r.toString());
                assertTrue(r.out().contains("host lost: the connection to h" + lost + " dropped; "
                        + "test_hangs_on_a_lost_host runs again on another worker"), r.toString());
                assertTrue(r.out().contains("4 passed"), r.toString());
                assertEquals("PASSED", storedOutcome("tests/test_hang.py::test_hangs_on_a_lost_host"));
                assertEquals(4, storedWorkers().size(), "every test recorded once: " + storedWorkers());
            } finally {
                salvo.destroyForcibly();
            }
        }
    }

    @Test
    void aTestThatLosesTwoHostsIsCrashedWithHostLost() throws Exception {
        hangingSuite();
        Path marks = marks();
        try (SshHosts own = SshHosts.start(2)) {
            Process salvo = Salvo.start(dir, Map.of(), twoHosts(own, marks, "always"));
            try {
                int first = startedOn(marks, 0);
                own.kill(first);
                int second = startedOn(marks, first);
                own.kill(second);
                Salvo.Result r = Salvo.finish(salvo, 120);
                assertEquals(1, r.exit(), r.toString());
                assertEquals("CRASHED", storedOutcome("tests/test_hang.py::test_hangs_on_a_lost_host"), r.toString());
                assertTrue(r.out().contains("host lost: the connection to h" + second + " dropped during"), r.toString());
                Map<String, String> stored = storedWorkers();
                long hangRows = stored.keySet().stream().filter(k -> k.contains("test_hang")).count();
                assertEquals(1, hangRows, "recorded once: " + stored);
            } finally {
                salvo.destroyForcibly();
            }
        }
    }

    @Test
    void ctrlCEndsTheRemoteWorkersAndLeavesNoConnectionBehind() throws Exception {
        hangingSuite();
        Path marks = marks();
        List<String> before = controlDirs();
        String cfg = "//ssh_config=" + hosts.sshConfig() + "//env:MARK_DIR=" + marks + "//env:HANG=always";
        Salvo.Result r = Salvo.interruptOnce(dir, "marks/started-h1", () -> { }, "run",
                "--tx", "ssh=h1" + cfg + "//env:SALVO_HOST_NAME=h1");
        assertEquals(2, r.exit(), r.toString());
        assertEquals(before, controlDirs(), "the shared connections' sockets are gone");
        // NoLeftoverProcesses: the workers on h1 and h2 run in this directory too, and must have ended.
    }

    private static List<String> controlDirs() throws IOException {
        try (var dirs = Files.list(Path.of("/tmp"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("salvo-ssh-")).sorted().toList();
        }
    }

    @Test
    void badEnvironmentsAreOneLineErrorsNamingThem() throws Exception {
        suite(1);
        List<String> before = controlDirs();
        String cfg = "//ssh_config=" + hosts.sshConfig();
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "3*sshh=foo"), "--tx 3*sshh=foo: 'sshh=foo' is not an environment");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "0*popen"), "--tx 0*popen: '0*' must be a number of workers");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "ssh=h1//pyton=x"), "unknown key 'pyton'");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "ssh=nohost.invalid" + cfg),
                "--tx ssh=nohost.invalid" + cfg + ": cannot connect: ");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "ssh=h1" + cfg + "//python=python9"),
                "'python9' is not found on h1");
        Path wrongKeys = dir.resolve("wrong_known_hosts");
        Path otherKey = dir.resolve("other");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()).start().waitFor();
        String pub = Files.readString(dir.resolve("other.pub")).strip();
        StringBuilder wrong = new StringBuilder();
        for (SshHosts.Host h : hosts.hosts()) {
            String name = h.port() == 22 ? h.address() : "[" + h.address() + "]:" + h.port();
            wrong.append(name).append(' ').append(pub, 0, pub.lastIndexOf(' ')).append('\n');
        }
        Files.writeString(wrongKeys, wrong);
        Path wrongConfig = dir.resolve("wrong_config");
        Files.writeString(wrongConfig, Files.readString(hosts.sshConfig()).replace(hosts.knownHosts().toString(),
                wrongKeys.toString()));
        Salvo.Result r = Salvo.run(dir, "run", "--tx", "ssh=h1//ssh_config=" + wrongConfig);
        Salvo.assertOneLineError(r, "cannot connect: Host key verification failed.");
        Path bin = Files.createDirectories(dir.resolve("bin-without-rsync"));
        for (String tool : List.of("ssh", "tar", "sh", "python3")) {
            Path real = Path.of(new String(new ProcessBuilder("sh", "-c", "command -v " + tool).start().getInputStream()
                    .readAllBytes()).strip()).toRealPath();
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        r = Salvo.run(dir, Map.of("PATH", bin.toString()), "run", "--tx", "ssh=h1" + cfg, "--rsyncdir", ".");
        Salvo.assertOneLineError(r, "rsync could not run");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--rsyncdir", "."), "--rsyncdir is for ssh environments");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "-w", "2", "--tx", "2*popen"), "-w/--workers with --tx");
        assertEquals(before, controlDirs(), "no failed connection leaves its socket directory behind");
    }


    @Test
    void popenEnvironmentsRunHereWithTheirOwnInterpreterAndVariables() throws Exception {
        suite(2);
        Path marks = marks();
        Salvo.Result r = Salvo.run(dir, "run", "--tx", "2*popen//python=python3//env:SALVO_HOST_NAME=local//env:MARK_DIR="
                + marks);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("on 2 workers,") || r.out().contains("on 2 workers\n"), r.toString());
        assertEquals(2, where().size(), where().toString());
        assertTrue(where().stream().allMatch(w -> w.startsWith("local " + dir)), where().toString());
    }

    @Test
    void thePullQueueGivesAFasterEnvironmentMoreOfTheTests() throws Exception {
        Salvo.write(dir, "tests/conftest.py", String.join("\n",
                "import os, time, pytest",
                "@pytest.fixture(autouse=True)",
                "def pace():",
                "    time.sleep(float(os.environ['PACE']))",
                ""));
        for (int f = 0; f < 4; f++) {
            Salvo.write(dir, "tests/test_paced" + f + ".py", "import pytest\n\n@pytest.mark.parametrize('n', range(10))\n"
                    + "def test_paced(n):\n    pass\n");
        }
        Salvo.Result r = Salvo.run(dir, "run", "--tx", "popen//id=slow//env:PACE=0.25", "--tx", "popen//id=fast//env:PACE=0");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Long> perWorker = storedWorkers().values().stream()
                .collect(java.util.stream.Collectors.groupingBy(w -> w, java.util.stream.Collectors.counting()));
        long slow = perWorker.getOrDefault("slow/gw1", 0L);
        long fast = perWorker.getOrDefault("fast/gw2", 0L);
        assertEquals(40, slow + fast, perWorker.toString());
        // Split evenly, the slow one alone would take 5 s; pulling, it takes what it can finish meanwhile.
        assertTrue(fast >= 2 * slow, "the environment 100 times faster ran most of the tests: " + perWorker);
    }

    @Test
    void distEachRunsEveryTestInEveryEnvironmentWithResultsPerEnvironment() throws Exception {
        Salvo.write(dir, "tests/test_env.py", String.join("\n",
                "import os, sys",
                "def test_records_its_interpreter():",
                "    with open(os.environ['MARK_DIR'] + '/python-' + os.environ['ENV_NAME'], 'w') as f:",
                "        f.write(sys.executable)",
                "def test_fails_on_one():",
                "    assert os.environ['ENV_NAME'] != 'debian'",
                ""));
        Path marks = marks();
        String debian = "/usr/bin/python3";
        assumeTrue(new ProcessBuilder(debian, "-c", "import pytest").start().waitFor() == 0,
                "needs a second interpreter with pytest at " + debian + " (.ci/run installs python3-pytest)");
        Salvo.Result r = Salvo.run(dir, "run", "--dist", "each",
                "--tx", "popen//python=python3//id=pyenv//env:ENV_NAME=pyenv//env:MARK_DIR=" + marks,
                "--tx", "popen//python=" + debian + "//id=debian//env:ENV_NAME=debian//env:MARK_DIR=" + marks);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("3 passed") && r.out().contains("1 failed"), r.toString());
        assertEquals("PASSED", storedOutcome("tests/test_env.py::test_fails_on_one@pyenv"), r.toString());
        assertEquals("FAILED", storedOutcome("tests/test_env.py::test_fails_on_one@debian"), r.toString());
        assertEquals("PASSED", storedOutcome("tests/test_env.py::test_records_its_interpreter@debian"), r.toString());
        assertEquals(debian, Files.readString(marks.resolve("python-debian")), "each environment's own interpreter");
        assertTrue(Files.exists(marks.resolve("python-pyenv")));
    }

    @Test
    void remoteSetupRunsOnceAHostInItsRootBeforeTheWorkers() throws Exception {
        Salvo.write(dir, "tests/test_setup.py", String.join("\n",
                "import os",
                "def test_sees_the_setup():",
                "    assert open('setup-ran').read().split() == ['once']",
                ""));
        String cfg = "//ssh_config=" + hosts.sshConfig();
        Salvo.Result r = Salvo.run(dir, "run", "--tx", "2*ssh=h1" + cfg, "--rsyncdir", ".",
                "--remote-setup", "echo once >> setup-ran");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("remote setup on h1: 'echo once >> setup-ran' done"), r.toString());
        assertFalse(Files.exists(dir.resolve("setup-ran")), "it ran there, in the copy, not here");

        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "ssh=h1" + cfg, "--remote-setup", "exit 3"),
                "--remote-setup 'exit 3' failed there (exit 3)");
    }

    private Map<String, String> storedWorkers() throws SQLException {
        return Salvo.storedWorkers(dir);
    }

    private String storedOutcome(String node) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".salvo/salvo.db"));
             var st = c.prepareStatement("SELECT outcome FROM test_results WHERE test_id = ?")) {
            st.setString(1, node);
            ResultSet rs = st.executeQuery();
            return rs.next() ? rs.getString(1) : "absent";
        }
    }
}
