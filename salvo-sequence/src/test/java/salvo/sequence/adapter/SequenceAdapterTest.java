package salvo.sequence.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.adapter.Adapter;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.adapter.History;
import salvo.adapter.RunSettings;
import salvo.event.RunEvents;
import salvo.event.TestFinished;
import salvo.execute.Execution;
import salvo.execute.Parallel;
import salvo.execute.PlannedUnit;
import salvo.execute.RunControl;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.pytest.PytestAdapter;
import salvo.testing.NoLeftoverProcesses;

/**
 * The sequence adapter through Salvo's adapter SPI, as `salvo run` drives it: discovery, the
 * result tree and its ids, load errors, a stop, and a run that mixes Python test files and
 * sequences. (salvo-cli depends on this module, so its real main cannot be on this module's
 * test class path; the SPI is what `salvo run` calls.)
 */
class SequenceAdapterTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private void write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text.stripIndent());
    }

    private RunSettings settings(Duration timeout) {
        return new RunSettings(dir, 2, timeout, "fresh", false, false, 0, List.of());
    }

    private record Ran(List<UnitResult> units, List<TestResult> tests) {
        TestResult named(String name) {
            return tests.stream().filter(t -> t.node().name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + tests));
        }
    }

    private Ran execute(Map<String, Adapter> adapters, List<String> paths, RunControl control, Duration timeout) {
        Map<String, Execution> executions = new LinkedHashMap<>();
        List<PlannedUnit> plan = new ArrayList<>();
        for (Map.Entry<String, Adapter> a : adapters.entrySet()) {
            Discovery d = a.getValue().discover(new DiscoveryRequest(dir, paths, List.of(), !paths.isEmpty()));
            if (d.units().isEmpty()) {
                continue;
            }
            d.units().forEach(u -> plan.add(PlannedUnit.whole(u)));
            executions.put(a.getKey(), a.getValue().prepare(settings(timeout), d.units(), () -> History.NONE));
        }
        List<TestResult> tests = new ArrayList<>();
        RunEvents events = new RunEvents("run-1", e -> {
            if (e instanceof TestFinished f) {
                synchronized (tests) {
                    tests.add(f.result());
                }
            }
        });
        Execution all = Parallel.of(executions);
        try {
            List<UnitResult> units = all.execute(plan, events, control);
            synchronized (tests) {
                return new Ran(units, List.copyOf(tests));
            }
        } finally {
            all.close();
        }
    }

    @Test
    void discoversSequencesWithAMainAndSkipsFragments() throws IOException {
        write("checks/a.tum", "main: {name: a, steps: []}\n");
        write("checks/common/frag.tum", "- sleep: {timeout: 0}\n");
        write("checks/.hidden/h.tum", "main: {name: h, steps: []}\n");
        write("tests/test_x.py", "def test_x():\n    pass\n");
        Discovery all = new SequenceAdapter().discover(new DiscoveryRequest(dir, List.of(), List.of(), false));
        assertEquals(List.of("checks/a.tum"), all.units().stream().map(TestUnit::id).toList());
        Discovery named = new SequenceAdapter().discover(new DiscoveryRequest(dir, List.of("checks/a.tum"), List.of(), true));
        assertEquals(1, named.units().size());
        Discovery notOurs = new SequenceAdapter().discover(new DiscoveryRequest(dir, List.of(), List.of(), true));
        assertEquals(0, notOurs.units().size());
    }

    @Test
    void itemsBecomeATreeWithStableIds() throws IOException {
        write("s.tum", """
                main:
                  name: s
                  steps:
                    - group:
                        name: setup
                        steps: [{let: {name: v, values: {x: 1}}}]
                    - loop:
                        name: L
                        iterator: 2
                        steps: [{check: {name: c, values: ["<| $(loop_param) == 1 |>"]}}]
                """);
        Ran first = execute(Map.of("sequence", new SequenceAdapter()), List.of(), new RunControl(), Duration.ZERO);
        UnitResult unit = first.units().get(0);
        assertEquals(Outcome.FAILED, unit.outcome(), first.tests().toString());
        TestResult v = first.named("v");
        assertEquals(NodeId.Kind.TEST, v.node().kind());
        assertEquals("s.tum::0:group/0:let", v.node().id());
        assertEquals(NodeId.Kind.CONTAINER, v.node().parent().orElseThrow().kind());
        List<String> checks = first.tests().stream().filter(t -> t.node().name().equals("c"))
                .map(t -> t.node().id() + "=" + t.outcome()).toList();
        assertEquals(List.of("s.tum::1:loop/#1/0:check=PASSED", "s.tum::1:loop/#2/0:check=FAILED"), checks);
        assertEquals("L › round 2 › c", first.tests().stream().filter(t -> t.node().id().endsWith("#2/0:check"))
                .findFirst().orElseThrow().node().title());
        Ran second = execute(Map.of("sequence", new SequenceAdapter()), List.of(), new RunControl(), Duration.ZERO);
        assertEquals(first.tests().stream().map(t -> t.node().id()).toList(),
                second.tests().stream().map(t -> t.node().id()).toList(), "ids are stable across runs");
    }

    @Test
    void aPythonTestItemsTestsAreTestsUnderTheItem() throws IOException {
        write("checks/test_rails.py", "def test_up():\n    pass\n\ndef test_down():\n    assert False, 'rail down'\n");
        write("checks/rails.tum", """
                main:
                  name: rails
                  steps: [{pytest: {name: rails, test_file: test_rails.py}}]
                """);
        Ran r = execute(Map.of("sequence", new SequenceAdapter()), List.of("checks/rails.tum"), new RunControl(), Duration.ZERO);
        assertEquals(Outcome.FAILED, r.units().get(0).outcome(), r.tests().toString());
        TestResult up = r.named("test_up");
        assertEquals(NodeId.Kind.TEST, up.node().kind());
        assertEquals(Outcome.PASSED, up.outcome());
        assertEquals("checks/rails.tum::0:pytest/test_up", up.node().id());
        NodeId item = up.node().parent().orElseThrow();
        assertEquals(NodeId.Kind.CONTAINER, item.kind());
        assertEquals("rails", item.name());
        TestResult down = r.named("test_down");
        assertEquals(Outcome.FAILED, down.outcome());
        assertTrue(down.failure().message().contains("rail down"), down.failure().message());
    }

    @Test
    void theLosersOfASyncAnyRaceAreSkippedNotFailed() throws IOException {
        write("race.tum", """
                main:
                  name: r
                  steps:
                    - parallel:
                        sync: any
                        branches:
                          - {name: quick, steps: [{sleep: {name: q, timeout: 0.1}}]}
                          - {name: slow, steps: [{sleep: {name: z, timeout: 30}}]}
                """);
        Ran r = execute(Map.of("sequence", new SequenceAdapter()), List.of(), new RunControl(), Duration.ZERO);
        assertEquals(Outcome.PASSED, r.units().get(0).outcome());
        assertEquals(Outcome.SKIPPED, r.named("z").outcome());
        assertTrue(r.named("z").output().contains("stopped: Sleep aborted on stop request"), r.named("z").output());
        assertEquals(Outcome.SKIPPED, r.named("slow").outcome());
        assertEquals(Outcome.PASSED, r.named("q").outcome());
    }

    @Test
    void aLoadErrorIsTheUnitsErrorWithItsPlace() throws IOException {
        write("bad.tum", "main:\n  name: b\n  steps:\n    - nosuch: {}\n");
        Ran r = execute(Map.of("sequence", new SequenceAdapter()), List.of(), new RunControl(), Duration.ZERO);
        UnitResult unit = r.units().get(0);
        assertEquals(Outcome.ERROR, unit.outcome());
        assertTrue(unit.failure().message().contains("bad.tum:4:7: error: "), unit.failure().message());
    }

    @Test
    void aRootReportIsWrittenUnderSalvoRunAndAMissingFolderIsTheUnitsError() throws Exception {
        write("rep.tum", """
                report: {export: [{sqlite: {file_name: "%s/rep.db"}}]}
                main: {name: r, steps: [{let: {name: a, values: {x: 1}}}]}
                """.formatted(dir));
        write("broken.tum", """
                report: {export: [{sqlite: {file_name: "%s/nowhere/b.db"}}]}
                main: {name: b, steps: [{let: {name: a, values: {x: 1}}}]}
                """.formatted(dir));
        Ran r = execute(Map.of("sequence", new SequenceAdapter()), List.of(), new RunControl(), Duration.ZERO);
        Map<String, UnitResult> units = new LinkedHashMap<>();
        r.units().forEach(u -> units.put(u.unit().id(), u));
        assertEquals(Outcome.PASSED, units.get("rep.tum").outcome());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rep.db"));
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM tests")) {
            assertEquals(2, rs.getInt(1));
        }
        assertEquals(Outcome.ERROR, units.get("broken.tum").outcome());
        assertTrue(units.get("broken.tum").failure().message().startsWith("report: the folder of the report database"),
                units.get("broken.tum").failure().message());
    }

    @Test
    void theUnitTimeoutStopsTheSequence() throws IOException {
        write("slow.tum", "main:\n  name: s\n  steps:\n    - sleep: {name: z, timeout: 60}\n");
        long start = System.nanoTime();
        Ran r = execute(Map.of("sequence", new SequenceAdapter()), List.of(), new RunControl(), Duration.ofSeconds(1));
        assertTrue((System.nanoTime() - start) / 1e9 < 20);
        assertEquals(Outcome.TIMEOUT, r.units().get(0).outcome());
        assertEquals(Outcome.TIMEOUT, r.named("z").outcome());
    }

    @Test
    void aRunMixesPythonTestFilesAndSequences() throws IOException {
        assumeTrue(python3HasPytest(), "python3 with pytest is not here");
        write("tests/test_x.py", "def test_ok():\n    pass\n\ndef test_bad():\n    assert 1 == 2\n");
        write("checks/a.tum", "main:\n  name: a\n  steps:\n    - check: {name: c, values: [\"<| 2 > 1 |>\"]}\n");
        Map<String, Adapter> adapters = new LinkedHashMap<>();
        adapters.put("pytest", new PytestAdapter());
        adapters.put("sequence", new SequenceAdapter());
        Ran r = execute(adapters, List.of("tests", "checks"), new RunControl(), Duration.ofMinutes(2));
        Map<String, Outcome> units = new LinkedHashMap<>();
        r.units().forEach(u -> units.put(u.unit().id() + "@" + u.unit().adapter(), u.outcome()));
        assertEquals(Map.of("tests/test_x.py@pytest", Outcome.FAILED, "checks/a.tum@sequence", Outcome.PASSED), units);
        assertEquals(Outcome.PASSED, r.named("c").outcome());
    }

    private static boolean python3HasPytest() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import pytest").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
