package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Row;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/** examples/sequence-basic, the README's first sequence, run as a newcomer runs it (in a copy). */
class ExampleSequenceTest {
    private static final Path EXAMPLE = Path.of("../examples/sequence-basic");

    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @Test
    void theDemoPassesItemByItem() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Tum.Ran r = Tum.run(dir.resolve("demo.tum"));
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        List<Row> expecting = r.rows().stream().filter(x -> x.data().containsKey("expect")).toList();
        assertEquals(List.of("setup=PASS", "measure=PASS", "in_range=PASS", "measure=PASS", "in_range=PASS", "measure=PASS",
                "in_range=PASS", "oven=PASS", "side_by_side=PASS", "operator_ok=PASS"),
                expecting.stream().map(x -> x.node().name() + "=" + x.verdict()).toList());
        expecting.forEach(x -> assertEquals(x.data().get("expect"), x.verdict().name(), x.node().name()));
        assertEquals(3.335, r.dictionary().get("vout"), "the last round's measurement");
        assertEquals(Boolean.TRUE, r.dictionary().get("quick_done"));
        assertTrue(r.log().contains("[slow] -----> step \"settle\" started"), "branch lines carry their prefix: " + r.log());

        Tum.Cli cli = Tum.seq("run", "-b", "-o", dir.resolve("demo.tum").toString());
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("Test run success."), cli.toString());
    }
}
