package salvo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real `salvo` command in a child JVM, as a user would, and captures what it printed. */
final class Salvo {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Salvo() {}

    static Process start(Path dir, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("TERM");
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    static Result run(Path dir, Map<String, String> env, String... args) {
        Process p = start(dir, env, args);
        return finish(p, 180);
    }

    static Result finish(Process p, int seconds) {
        try {
            var out = new java.util.concurrent.CompletableFuture<String>();
            var err = new java.util.concurrent.CompletableFuture<String>();
            new Thread(() -> out.complete(read(p.getInputStream()))).start();
            new Thread(() -> err.complete(read(p.getErrorStream()))).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("salvo did not finish in " + seconds + " s");
            }
            return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Bad input: exit 4 and exactly one line on stderr, which says {@code expected}. */
    static void assertOneLineError(Result r, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(4, r.exit(), r.toString());
        List<String> lines = r.err().strip().lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, lines.size(), r.toString());
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(0).contains(expected),
                "expected '" + expected + "' in: " + lines.get(0));
    }

    /** Copies a file, or a directory with all it holds, to {@code target}. */
    static void copyTree(Path source, Path target) {
        try (java.util.stream.Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ctrl-C as a user gives it: starts salvo, waits until a test wrote {@code marker} in
     * {@code dir}, lets {@code whileRunning} look at the live run, sends SIGINT, and returns
     * what salvo did. Whatever happens, nothing it started outlives the call.
     */
    static Result interruptOnce(Path dir, String marker, Runnable whileRunning, String... args) throws Exception {
        return interruptOnce(dir, Map.of(), marker, whileRunning, args);
    }

    static Result interruptOnce(Path dir, Map<String, String> env, String marker, Runnable whileRunning, String... args)
            throws Exception {
        Process salvo = start(dir, env, args);
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(dir.resolve(marker))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no test wrote " + marker + " within 60 s");
                }
                Thread.sleep(100);
            }
            whileRunning.run();
            new ProcessBuilder("kill", "-INT", String.valueOf(salvo.pid())).start().waitFor();
            return finish(salvo, 60);
        } finally {
            salvo.descendants().forEach(ProcessHandle::destroyForcibly);
            salvo.destroyForcibly();
        }
    }

    /** Each stored test of the run store in {@code dir}/.salvo, by id, with the worker that ran it. */
    static java.util.Map<String, String> storedWorkers(Path dir) throws java.sql.SQLException {
        java.util.Map<String, String> workers = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".salvo/salvo.db"));
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     // A test's own worker; rows from a unit run whole name only the unit's.
                     "SELECT t.test_id, coalesce(nullif(t.worker, ''), u.worker) FROM test_results t"
                             + " JOIN unit_results u ON t.unit_result_id = u.id WHERE t.kind = 'TEST'")) {
            while (rs.next()) {
                workers.put(rs.getString(1), rs.getString(2));
            }
        }
        return workers;
    }
}
