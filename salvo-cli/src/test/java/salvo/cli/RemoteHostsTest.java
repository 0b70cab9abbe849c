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
                    "import os, socket",
                    "def test_pass():",
                    "    print('on', socket.gethostname())",
                    "def test_where():",
                    "    with open(os.environ['MARK_DIR'] + '/where-%d' % " + i + ", 'w') as f:",
                    "        f.write(os.environ['SALVO_HOST_NAME'] + ' ' + os.path.abspath(__file__) + ' ' + os.environ['PYTEST_XDIST_WORKER'])",
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
        Salvo.Result r = Salvo.run(dir, "run", "--tx", "2*" + tx("h1", "env:SALVO_HOST_NAME=h1", "env:MARK_DIR=" + marks),
                "--tx", tx("h2", "env:SALVO_HOST_NAME=h2", "env:MARK_DIR=" + marks));
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

    private Map<String, String> storedWorkers() throws SQLException {
        Map<String, String> workers = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".salvo/salvo.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT t.test_id, u.worker FROM test_results t JOIN unit_results u ON t.unit_result_id = u.id"
                             + " WHERE t.kind = 'TEST'")) {
            while (rs.next()) {
                workers.put(rs.getString(1), rs.getString(2));
            }
        }
        return workers;
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
