package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.serve.JoinToken;
import salvo.testing.NoLeftoverProcesses;

/**
 * `salvo run --serve` and `salvo worker --connect`: real runs, real joining workers as child
 * processes on this machine (in the same checkout), real TLS, real pytest.
 */
class ServeTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Path tokenFile() {
        return dir.resolve("secret/join-token");
    }

    private String[] serve(String workers, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--serve", "127.0.0.1:0", "-w", workers,
                "--token-file", tokenFile().toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The token file, once the run has written it. */
    private JoinToken awaitToken() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(tokenFile())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no token file within 60 s");
            }
            Thread.sleep(50);
        }
        return JoinToken.read(tokenFile());
    }

    private Process join(Path tokens) {
        return Salvo.start(dir, Map.of(), "worker", "--token-file", tokens.toString());
    }

    private void quickSuite(int files) {
        for (int i = 0; i < files; i++) {
            Salvo.write(dir, "tests/test_q" + i + ".py", "def test_one():\n    pass\n\ndef test_two():\n    pass\n");
        }
        Salvo.write(dir, "pytest.ini", "[pytest]\ntestpaths = tests\n");
    }

    @Test
    void aWorkerThatJoinsRunsTheTestsAndIsStoredByItsAddress() throws Exception {
        quickSuite(3);
        Salvo.write(dir, "tests/test_fails.py", "def test_fails():\n    assert 1 == 2\n");
        Process run = Salvo.start(dir, Map.of(), serve("0"));
        Process worker = null;
        try {
            JoinToken token = awaitToken();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile())));
            assertTrue(token.address().startsWith("127.0.0.1:"), token.address());
            worker = Salvo.start(dir, Map.of(), "worker", "--connect", token.address(), "--token-file",
                    tokenFile().toString());
            Salvo.Result r = Salvo.finish(run, 120);
            Salvo.Result w = Salvo.finish(worker, 60);
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.out().contains("6 passed") && r.out().contains("1 failed"), r.toString());
            assertTrue(r.err().contains("salvo: serving this run on " + token.address() + " (TLS); join it with: "
                    + "salvo worker --connect " + token.address() + " --token-file " + tokenFile()), r.toString());
            assertEquals(0, w.exit(), w.toString());
            assertTrue(w.err().contains("salvo: joined the run at " + token.address() + " as 127.0.0.1/gw1"), w.toString());
            Map<String, String> stored = storedWorkers();
            assertEquals(7, stored.size(), stored.toString());
            assertTrue(stored.values().stream().allMatch("127.0.0.1/gw1"::equals), stored.toString());
            assertFalse(Files.exists(tokenFile()), "the token file is deleted with the run");
        } finally {
            run.destroyForcibly();
            if (worker != null) {
                worker.destroyForcibly();
            }
        }
    }

    @Test
    void nobodyJoiningEndsTheRunAfterItsTimeout() {
        quickSuite(1);
        Salvo.Result r = Salvo.run(dir, serve("0", "-t", "2"));
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("salvo: no worker joined the run within 2s"), r.toString());
    }

    /** A test that holds the run open until the test lets it go (the file 'go' appears). */
    private void heldSuite() {
        quickSuite(2);
        Salvo.write(dir, "tests/test_held.py", String.join("\n",
                "import os, time",
                "def test_held():",
                "    open('held', 'w').close()",
                "    deadline = time.time() + 60",
                "    while not os.path.exists('go') and time.time() < deadline:",
                "        time.sleep(0.05)",
                ""));
    }

    private void awaitFile(String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(dir.resolve(name))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + name + " within 60 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void wrongTokensPlainConnectionsAndGarbageAreRefusedAndTheRunGoesOn() throws Exception {
        heldSuite();
        Process run = Salvo.start(dir, Map.of(), serve("1"));
        try {
            JoinToken token = awaitToken();
            awaitFile("held");
            Path wrongToken = dir.resolve("wrong-token");
            new JoinToken(token.address(), token.fingerprint(), "0".repeat(64)).write(wrongToken);
            Salvo.Result w = Salvo.finish(join(wrongToken), 60);
            Salvo.assertOneLineError(w, "salvo: the run at " + token.address() + " refused this worker: wrong token");

            Path wrongPin = dir.resolve("wrong-pin");
            new JoinToken(token.address(), "a".repeat(64), token.token()).write(wrongPin);
            w = Salvo.finish(join(wrongPin), 60);
            Salvo.assertOneLineError(w, "salvo: the run's certificate is not the one the token file pins: its fingerprint is "
                    + token.fingerprint() + ", the token file's is " + "a".repeat(64));

            String[] hostPort = token.address().split(":");
            // A worker that speaks the protocol in the clear, token and all: refused at the handshake.
            try (Socket plain = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                OutputStream out = plain.getOutputStream();
                out.write(("{\"salvo\":\"join\",\"version\":1,\"token\":\"" + token.token() + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals(-1, readQuietly(plain), "closed without an answer");
            }
            try (Socket garbage = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                byte[] noise = new byte[4096];
                new java.util.Random(7).nextBytes(noise);
                garbage.getOutputStream().write(noise);
                assertEquals(-1, readQuietly(garbage), "closed without an answer");
            }
            Files.createFile(dir.resolve("go"));
            Salvo.Result r = Salvo.finish(run, 120);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("5 passed"), r.toString());
            List<String> refusals = r.err().lines().filter(l -> l.startsWith("salvo: refused a worker from 127.0.0.1:"))
                    .toList();
            assertEquals(4, refusals.size(), r.toString());
            assertTrue(refusals.stream().anyMatch(l -> l.endsWith(": wrong token")), refusals.toString());
            assertEquals(3, refusals.stream().filter(l -> l.contains(": no TLS 1.3 session (")).count(),
                    "the pin refused by the worker, the plain one and the garbage: " + refusals);
            assertTrue(storedWorkers().values().stream().allMatch("gw1"::equals), storedWorkers().toString());
        } finally {
            run.destroyForcibly();
        }
    }

    private static int readQuietly(Socket s) {
        try {
            s.setSoTimeout(20_000);
            int b;
            do {
                b = s.getInputStream().read(); // a TLS alert may come first; then the end
            } while (b != -1);
            return -1;
        } catch (IOException e) {
            return -1; // reset: closed all the same
        }
    }


    @Test
    void aJoinedWorkerKilledMidTestHasItsTestRunAgainByAnotherAndRecordedOnce() throws Exception {
        quickSuite(2);
        Salvo.write(dir, "tests/test_hang.py", String.join("\n",
                "import os, time",
                "def test_hangs_the_first_time():",
                "    if not os.path.exists('started'):",
                "        open('started', 'w').close()",
                "        time.sleep(120)",
                ""));
        Process run = Salvo.start(dir, Map.of(), serve("0"));
        Process first = null;
        Process second = null;
        try {
            awaitToken();
            first = join(tokenFile());
            awaitFile("started");
            first.destroyForcibly(); // kill -9 of the joined worker: its connection drops mid-test
            Salvo.Result f = Salvo.finish(first, 30);
            assertEquals(137, f.exit(), f.toString());
            second = join(tokenFile());
            Salvo.Result r = Salvo.finish(run, 120);
            Salvo.finish(second, 60);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("host lost: the connection to 127.0.0.1 dropped; test_hangs_the_first_time "
                    + "runs again on another worker"), r.toString());
            assertTrue(r.out().contains("5 passed"), r.toString());
            Map<String, String> stored = storedWorkers();
            assertEquals(5, stored.size(), "every test recorded once: " + stored);
            assertEquals("127.0.0.1/gw2", stored.get("tests/test_hang.py::test_hangs_the_first_time"), stored.toString());
        } finally {
            run.destroyForcibly();
            for (Process p : new Process[] {first, second}) {
                if (p != null) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    void badServeOptionsAreOneLineErrors() throws Exception {
        quickSuite(1);
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--serve", "7777"), "salvo: --serve 7777: write HOST:PORT, e.g. "
                + "0.0.0.0:7777 or 127.0.0.1:0");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--token-file", "t"), "salvo: --token-file is for --serve: add --serve "
                + "HOST:PORT");
        Salvo.Result fresh = Salvo.run(dir, "run", "--serve", "127.0.0.1:0", "--isolation", "fresh");
        assertEquals(4, fresh.exit(), fresh.toString());
        assertTrue(fresh.err().contains("salvo: --serve feeds persistent workers that join the run: use --isolation "
                + "persistent, fork or fork-test"), fresh.toString());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Salvo.Result r = Salvo.run(dir, "run", "--serve", "127.0.0.1:" + taken.getLocalPort());
            Salvo.assertOneLineError(r, "salvo: --serve 127.0.0.1:" + taken.getLocalPort() + ": cannot serve there: ");
        }
        Salvo.Result noFile = Salvo.run(dir, "worker", "--token-file", "missing");
        Salvo.assertOneLineError(noFile, "salvo: --token-file missing: cannot read it: ");
        assertFalse(Files.exists(dir.resolve(".salvo/join-token")), "no token file is left by a run that did not start");
    }

    private Map<String, String> storedWorkers() throws SQLException {
        Map<String, String> workers = new TreeMap<>();
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
}
