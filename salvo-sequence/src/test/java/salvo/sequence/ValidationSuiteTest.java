package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.sequence.lua.LuaHelper;
import salvo.testing.NoLeftoverProcesses;

/**
 * The .tum validation suite (src/test/resources/validation): each file run in a copy of the
 * folder, and every item's verdict checked against the {@code expect} of its report map; and
 * examples/sequence-basic, run as a newcomer runs it (in a copy).
 */
class ValidationSuiteTest {
    private static final Path SUITE = Path.of("src/test/resources/validation");
    /** The README's first sequence, which states its expectations the same way. */
    private static final Path EXAMPLE = Path.of("../examples/sequence-basic");

    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @TestFactory
    Stream<DynamicTest> everyFileMeetsItsOwnExpectations() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SUITE)) {
            // A file starting with "_" is a part of others (run's child), not a case.
            files = s.filter(p -> p.toString().endsWith(".tum") && !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        assertTrue(files.size() >= 6, "the suite has its files: " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        org.junit.jupiter.api.Assumptions.assumeTrue(!name.startsWith("lua_") || LuaHelper.interpreter(null).isPresent(),
                "no Lua on PATH (apt-get install lua5.4)");
        Path copy = Tum.copyFiles(SUITE, dir.resolve(name.replace(".tum", "")));
        Tum.Ran r = Tum.run(copy.resolve(name));
        assertEquals(List.of(), r.unmetExpectations(), r.log());
        assertTrue(r.expecting().size() >= 3, name + " checks its items: " + r.names());
        if (name.equals("report.tum")) {
            assertTrue(r.log().contains("[report] Export skipped: nosuchformat: no exporter named 'nosuchformat'"), r.log());
            assertTrue(r.log().contains("[report] Export skipped: pdfx: no exporter named 'pdfx'"), r.log());
        }
        if (name.equals("python_tests.tum")) {
            // Each test is a row under its item, with its own verdict.
            assertEquals(List.of("test_rail_up=PASS", "test_rail_noise=FAIL", "test_rail_named[3v3]=PASS", "test_rail_named[5v]=PASS"),
                    r.rows().stream().filter(x -> x.path().size() == 2 && x.path().get(0).name().equals("all_power"))
                            .map(x -> x.node().name() + "=" + x.verdict()).toList(), r.log());
            assertEquals("1 of 4 tests failed: test_rail_noise", r.row("all_power").message());
            assertEquals(List.of("Supply::test_load=SKIP", "Supply::test_on=PASS"), r.rows().stream()
                    .filter(x -> x.path().size() == 2 && x.path().get(0).name().equals("supply_on"))
                    .map(x -> x.node().name() + "=" + x.verdict()).toList(), r.log());
        }
        if (name.equals("run_and_ssh.tum")) {
            assertTrue(r.row("login").message().contains("Could not resolve hostname no-such-host.invalid"), r.log());
        }
        if (name.equals("json_rpc.tum")) {
            Map<String, Object> d = r.dictionary();
            assertEquals(6L, d.get("total"));
        }
    }

    @Test
    void theDemoPassesItemByItem() {
        Tum.Ran r = Tum.run(Tum.copyFiles(EXAMPLE, dir).resolve("demo.tum"));
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals(List.of(), r.unmetExpectations(), r.log());
        assertEquals(List.of("setup=PASS", "measure=PASS", "in_range=PASS", "measure=PASS", "in_range=PASS", "measure=PASS",
                "in_range=PASS", "oven=PASS", "side_by_side=PASS", "operator_ok=PASS"),
                r.expecting().stream().map(x -> x.node().name() + "=" + x.verdict()).toList());
        assertEquals(3.335, r.dictionary().get("vout"), "the last round's measurement");
        assertEquals(Boolean.TRUE, r.dictionary().get("quick_done"));
        assertTrue(r.log().contains("[slow] -----> step \"settle\" started"), "branch lines carry their prefix: " + r.log());

        Tum.Cli cli = Tum.seq("run", "-b", "-o", dir.resolve("demo.tum").toString());
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("Test run success."), cli.toString());
    }
}
