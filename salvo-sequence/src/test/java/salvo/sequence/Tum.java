package salvo.sequence;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine;
import salvo.execute.RunControl;
import salvo.sequence.engine.Operator;
import salvo.sequence.engine.Row;
import salvo.sequence.engine.Verdict;
import salvo.sequence.load.LoadOptions;
import salvo.sequence.load.Loaded;

/** Test support: writes sequence files and loads, checks and runs them for real (real Python helpers). */
final class Tum {
    record Ran(Verdict verdict, List<Row> rows, String log, Map<String, Object> dictionary) {
        Row row(String name) {
            return rows.stream().filter(r -> r.node().name().equals(name)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no row named " + name + " in " + names() + "\n" + log));
        }

        List<Row> all(String name) {
            return rows.stream().filter(r -> r.node().name().equals(name)).toList();
        }

        List<String> names() {
            return rows.stream().map(r -> r.node().name() + "=" + r.verdict()).toList();
        }

        /** The rows whose report map says the verdict they must end with ({@code expect: PASS}). */
        List<Row> expecting() {
            return rows.stream().filter(r -> r.data().get("expect") != null).toList();
        }

        /** Each expecting row that ended otherwise, described. */
        List<String> unmetExpectations() {
            return expecting().stream().filter(r -> !r.data().get("expect").equals(r.verdict().name()))
                    .map(r -> r.node().id() + " (" + r.node().name() + "): expected " + r.data().get("expect") + ", got "
                            + r.verdict() + " (" + r.message() + ")").toList();
        }

        @Override
        public String toString() {
            return verdict + " " + names() + "\n" + log;
        }
    }

    record Cli(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Tum() {}

    private static Boolean jinja;

    /**
     * Templating runs Jinja2 in the sequence's Python: the tests of templates need python3 with
     * jinja2 (python3-jinja2 on Debian); without it they are skipped, never failed.
     */
    static synchronized void assumeJinja2() {
        if (jinja == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import jinja2").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                jinja = p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                jinja = false;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(jinja, "python3 has no jinja2 (apt-get install python3-jinja2)");
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.stripIndent());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the files of {@code folder} into {@code into} (made if need be), which it returns. */
    static Path copyFiles(Path folder, Path into) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            Files.createDirectories(into);
            for (Path f : files.toList()) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Loaded load(Path file, List<Map.Entry<String, String>> defines, List<Path> configs) {
        try (SequenceSession s = new SequenceSession(new LoadOptions(file, file.getParent(), configs, defines),
                new RunControl())) {
            return s.load();
        }
    }

    static Loaded load(Path file) {
        return load(file, List.of(), List.of());
    }

    static Ran run(Path file, String... defines) {
        return run(file, Operator.batch(), defines);
    }

    /** Runs with an operator of the test's making. */
    static Ran run(Path file, Operator operator, String... defines) {
        List<Map.Entry<String, String>> d = new ArrayList<>();
        for (String def : defines) {
            String[] kv = def.split("=", 2);
            d.add(Map.entry(kv[0], kv[1]));
        }
        List<Row> rows = new CopyOnWriteArrayList<>();
        StringBuilder log = new StringBuilder();
        try (SequenceSession s = new SequenceSession(new LoadOptions(file, file.getParent(), List.of(), d), new RunControl())) {
            Loaded loaded = s.load();
            if (!loaded.ok()) {
                throw new AssertionError("does not load: " + loaded.diagnostics());
            }
            Verdict v = s.run(operator, line -> {
                synchronized (log) {
                    log.append(line).append('\n');
                }
            }, rows::add, null);
            return new Ran(v, List.copyOf(rows), log.toString(), s.dictionary().snapshot());
        }
    }

    /** {@code salvo seq ARGS} in this JVM, in {@code dir}'s terms (paths given absolute). */
    static Cli seq(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SeqCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}
