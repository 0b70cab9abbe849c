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
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
        return awaitToken(tokenFile());
    }

    /** A token file, once the run or the listening worker has written it. */
    private static JoinToken awaitToken(Path file) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(file)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no token file " + file + " within 60 s");
            }
            Thread.sleep(50);
        }
        return JoinToken.read(file);
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
            Salvo.assertOneLineError(w, "salvo: the certificate there is not the one the token file pins: its fingerprint is "
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
                // killed mid-test, not as it starts: the joining worker passes the test's start on
                // within milliseconds, and a kill before that leaves the run nothing to name
                "        time.sleep(0.5)",
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

    /** A worker that listens for runs ({@code --tx socket=}), its token file in the test's directory. */
    private Process listen(String name) {
        return Salvo.start(dir, Map.of(), "worker", "--listen", "127.0.0.1:0", "--token-file",
                dir.resolve(name).toString());
    }

    private String socketTx(String tokenName, JoinToken token) {
        return "socket=" + token.address() + "//token_file=" + dir.resolve(tokenName);
    }

    @Test
    void aRunNamesAListeningWorkerWithTxSocketAndItServesRunAfterRun() throws Exception {
        quickSuite(3);
        Salvo.write(dir, "tests/test_fails.py", "def test_fails():\n    assert 1 == 2\n");
        Process worker = listen("listening-token");
        try {
            JoinToken token = awaitToken(dir.resolve("listening-token"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("listening-token"))));
            String tx = "2*" + socketTx("listening-token", token);
            Salvo.Result first = Salvo.run(dir, "run", "--tx", tx);
            assertEquals(1, first.exit(), first.toString());
            assertTrue(first.out().contains("6 passed") && first.out().contains("1 failed"), first.toString());
            assertTrue(first.out().contains("salvo: 4 files on 2 workers (" + token.address() + ": 2)"), first.toString());
            Map<String, String> stored = storedWorkers();
            assertEquals(7, stored.size(), stored.toString());
            assertTrue(stored.values().stream().allMatch(w -> w.equals(token.address() + "/gw1")
                    || w.equals(token.address() + "/gw2")), stored.toString());

            Salvo.Result second = Salvo.run(dir, "run", "--tx", tx, "tests/test_q0.py");
            assertEquals(0, second.exit(), "the worker listens on after a run: " + second);
            assertTrue(second.out().contains("2 passed"), second.toString());
        } finally {
            // SIGTERM: it stops listening and deletes its token file (Process.destroy would close its pipes too)
            worker.toHandle().destroy();
        }
        Salvo.Result w = Salvo.finish(worker, 30);
        assertEquals(3, w.err().lines().filter(l -> l.startsWith("salvo: a run from 127.0.0.1:")).count(),
                "a run of two workers, then one of a single file, so one worker: " + w);
        assertTrue(w.err().contains("salvo: listening on 127.0.0.1:"), w.toString());
        assertFalse(Files.exists(dir.resolve("listening-token")), "the token file goes with the worker");
    }

    @Test
    void aListeningWorkerRefusesAWrongTokenWithOneLineOnEachSideAndListensOn() throws Exception {
        quickSuite(1);
        Process worker = listen("listening-token");
        try {
            JoinToken token = awaitToken(dir.resolve("listening-token"));
            new JoinToken(token.address(), token.fingerprint(), "0".repeat(64)).write(dir.resolve("wrong-token"));
            Salvo.Result refused = Salvo.run(dir, "run", "--tx", socketTx("wrong-token", token));
            Salvo.assertOneLineError(refused, "salvo: could not start workers on " + token.address() + ": the worker at "
                    + token.address() + " refused this run: wrong token; check --tx");
            new JoinToken(token.address(), "b".repeat(64), token.token()).write(dir.resolve("wrong-pin"));
            Salvo.Result pinned = Salvo.run(dir, "run", "--tx", socketTx("wrong-pin", token));
            Salvo.assertOneLineError(pinned, "salvo: could not start workers on " + token.address()
                    + ": the certificate there is not the one the token file pins: its fingerprint is "
                    + token.fingerprint() + ", the token file's is " + "b".repeat(64) + "; check --tx");
            Salvo.Result right = Salvo.run(dir, "run", "--tx", socketTx("listening-token", token));
            assertEquals(0, right.exit(), right.toString());
        } finally {
            worker.toHandle().destroy();
        }
        Salvo.Result w = Salvo.finish(worker, 30);
        assertEquals(2, w.err().lines().filter(l -> l.startsWith("salvo: refused a run from 127.0.0.1:")).count(),
                w.toString());
        assertTrue(w.err().lines().anyMatch(l -> l.startsWith("salvo: refused a run from") && l.endsWith(": wrong token")),
                w.toString());
    }

    @Test
    void aListeningWorkerKilledMidTestIsALostHostAndItsTestRunsOnTheOther() throws Exception {
        quickSuite(2);
        Salvo.write(dir, "tests/test_hang.py", String.join("\n",
                "import os, time",
                "def test_hangs_the_first_time():",
                "    if not os.path.exists('started'):",
                "        with open('started.part', 'w') as f:",
                "            f.write(str(os.getppid()))  # the listening worker that started this pytest",
                "        os.rename('started.part', 'started')",
                "        time.sleep(120)",
                ""));
        Process a = listen("token-a");
        Process b = listen("token-b");
        try {
            JoinToken ta = awaitToken(dir.resolve("token-a"));
            JoinToken tb = awaitToken(dir.resolve("token-b"));
            Process run = Salvo.start(dir, Map.of(), "run", "--tx", socketTx("token-a", ta), "--tx",
                    socketTx("token-b", tb));
            try {
                awaitFile("started");
                long holder = Long.parseLong(Files.readString(dir.resolve("started")).strip());
                assertTrue(holder == a.pid() || holder == b.pid(), "started by a listening worker: " + holder);
                (holder == a.pid() ? a : b).destroyForcibly();
                String lost = holder == a.pid() ? ta.address() : tb.address();
                String other = holder == a.pid() ? tb.address() : ta.address();
                Salvo.Result r = Salvo.finish(run, 120);
                assertEquals(0, r.exit(), r.toString());
                assertTrue(r.out().contains("host lost: the connection to " + lost + " dropped; "
                        + "test_hangs_the_first_time runs again on another worker"), r.toString());
                Map<String, String> stored = storedWorkers();
                assertEquals(5, stored.size(), "every test recorded once: " + stored);
                assertTrue(stored.get("tests/test_hang.py::test_hangs_the_first_time").startsWith(other + "/"),
                        stored.toString());
            } finally {
                run.destroyForcibly();
            }
        } finally {
            a.toHandle().destroy();
            b.toHandle().destroy();
            Salvo.finish(a, 30);
            Salvo.finish(b, 30);
        }
    }

    @Test
    void badSocketEnvironmentsAreOneLineErrors() throws Exception {
        quickSuite(1);
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "socket=127.0.0.1:9"),
                "salvo: --tx socket=127.0.0.1:9: needs //token_file=FILE: the token file `salvo worker --listen` "
                        + "wrote there, copied here");
        Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "socket=127.0.0.1:9//token_file=nope"),
                "salvo: --tx socket=127.0.0.1:9//token_file=nope: token_file=" + dir.resolve("nope")
                        + ": cannot read it (no such file); copy the file `salvo worker --listen` wrote there");
        new JoinToken("127.0.0.1:9", "c".repeat(64), "d".repeat(64)).write(dir.resolve("token"));
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = closed.getLocalPort();
            closed.close();
            Salvo.assertOneLineError(Salvo.run(dir, "run", "--tx", "socket=127.0.0.1:" + port + "//token_file=token"),
                    "salvo: could not start workers on 127.0.0.1:" + port + ": no Salvo worker answers at 127.0.0.1:"
                            + port + " (");
        }
        Salvo.assertOneLineError(Salvo.run(dir, "worker", "--listen", "127.0.0.1:0", "--connect", "127.0.0.1:9",
                "--token-file", "t"), "salvo: --listen and --connect: give one");
    }

    private Map<String, String> storedWorkers() throws SQLException {
        return Salvo.storedWorkers(dir);
    }
}
