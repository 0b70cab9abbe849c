package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/** plot (§3.13) as a headless recorder: values through the Python helper, CSV logs and exports. */
class PlotTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Tum.Ran run(String steps) {
        return Tum.run(Tum.write(dir, "t.tum", "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4)));
    }

    @Test
    void pyFuncsAddToTheRunsPlotsThroughTm() {
        Tum.write(dir, "feed.py", """
                import py_func.tm as tm
                def feed(v):
                    tm.add_plot_values("p", {"a": v, "b": v * 2})
                    return tm.last_plot_value("p")
                def late():
                    tm.add_plot_values("closed", {"a": 1})
                """);
        Tum.Ran r = run("""
                - plot: {plot_name: p, steps: [{open: }]}
                - py_func: {name: f1, file: feed.py, func_name: feed, param: [1]}
                - py_func: {name: f2, file: feed.py, func_name: feed, param: [5], context_id: c}
                - plot: {plot_name: p, steps: [{last_value: {lines: [a, b]}}, {close: }]}
                - py_func: {name: nope, file: feed.py, func_name: late}
                """);
        assertEquals(Verdict.PASS, r.row("f2").verdict(), r.toString());
        assertEquals(Map.of("a", 5.0, "b", 10.0), r.dictionary().get("pfn_f2"));
        assertEquals(Map.of("a", 5.0, "b", 10.0), r.dictionary().get("plv_p"));
        assertEquals(Verdict.FAIL, r.row("nope").verdict());
        assertTrue(r.row("nope").message().endsWith("plot 'closed' is not open; open it with a plot item first"),
                r.row("nope").message());
    }

    private static boolean matplotlib() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import matplotlib").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void addLastValueExportAndTheLogPerLine() throws Exception {
        Tum.write(dir, "probe.py", """
                calls = 0
                def read(scale):
                    return {"temp": 20 * scale, "fan": 1}
                def bad():
                    return 3
                """);
        Tum.Ran r = run("""
                - let: {values: {v: 3}}
                - plot:
                    name: bench
                    plot_name: power
                    steps:
                      - open: {log_path: "%1$s/logs"}
                      - add: {vbat: 3.3, ibat: "$(v) * 0.5"}
                      - add: {vbat: "<| 3.1 + 0.1 |>"}
                      - periodic: {name: poll, period: 0.1, file: probe.py, func_name: read, param: [2]}
                - sleep: {timeout: 0.5}
                - plot:
                    name: shared
                    plot_name: power
                    steps:
                      - last_value: {name: [vbat, ibat, nothing]}
                      - last_value: {name: all, lines: [temp]}
                      - export: "%1$s/power.csv"
                      - add: {vbat: "'text'"}
                      - periodic: {name: badfn, file: probe.py, func_name: bad}
                      - export: "%1$s/power.pdf"
                      - close:
                - plot:
                    name: later
                    plot_name: power
                    steps: [{add: {vbat: 1}}]
                """.formatted(dir));
        assertEquals(Verdict.PASS, r.row("poll").verdict(), r.toString());
        assertEquals(Map.of("temp", 40.0), r.dictionary().get("plv_power"));
        assertEquals(Map.of("vbat", 3.2, "ibat", 1.5), r.all("plot.last_value").get(0).data(), "the first last_value's lines");
        String csv = Files.readString(dir.resolve("power.csv"));
        assertTrue(csv.startsWith("line,time,value\nvbat,"), csv);
        assertTrue(csv.lines().filter(l -> l.startsWith("temp,")).count() >= 2, "periodic kept sampling: " + csv);
        assertTrue(csv.contains(",3.3\n") && csv.contains(",3.2\n") && csv.lines().anyMatch(l -> l.matches("ibat,.*,1.5")), csv);
        List<String> vbatLog = Files.readAllLines(dir.resolve("logs/vbat.csv"));
        assertEquals("time,value", vbatLog.get(0));
        assertEquals(3, vbatLog.size(), vbatLog.toString());
        assertTrue(Files.isRegularFile(dir.resolve("logs/temp.csv")));
        assertEquals("plot add: the value of line 'vbat' is not a number: 'text'", r.all("plot.add").get(2).message());
        assertEquals("plot periodic bad: it must return a mapping of lines to values ({'vbat': 3.3}), got 3",
                r.row("badfn").message());
        if (!matplotlib()) {
            assertTrue(r.all("plot.export").get(1).message().startsWith("plot export to " + dir + "/power.pdf needs a plotting backend: "
                    + "matplotlib is not importable"), r.all("plot.export").get(1).message());
        }
        assertEquals("plot 'power' is not open; add an open action first", r.all("plot.add").get(3).message());
        assertEquals(Verdict.FAIL, r.row("later").verdict());
    }
}
