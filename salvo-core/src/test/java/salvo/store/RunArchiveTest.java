package salvo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.run;
import static salvo.model.RunBuilder.test;
import static salvo.model.RunBuilder.unitResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.error.SalvoError;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.TestResult;

class RunArchiveTest {
    @TempDir
    Path dir;

    @Test
    void writesBothFilesAndReadsTheLastRunBackEqual() throws Exception {
        RunRecord run = SqliteStoreTest.everything().withId(42);

        RunArchive.write(dir, run);

        Path own = dir.resolve("runs/run_20261123_101502_123.json");
        assertEquals(Files.readString(own), Files.readString(dir.resolve("last_run.json")));
        assertEquals(run, RunArchive.readLast(dir).orElseThrow());
        assertEquals(run, RunArchive.read(own));
        try (var list = Files.list(dir.resolve("runs"))) {
            assertEquals(List.of(own), list.toList());
        }
    }

    @Test
    void jsonIsReadableByPeople() throws Exception {
        RunArchive.write(dir, SqliteStoreTest.everything());

        String json = Files.readString(dir.resolve("last_run.json"));

        assertTrue(json.contains("\"started\" : \"2026-11-23T10:15:02.000000001Z\""), json);
        assertTrue(json.contains("\"wallSeconds\" : 61.999999998"), json);
        assertTrue(json.contains("\"seconds\" : 1.234567891"), json);
        assertTrue(json.contains("\"seconds\" : 0\n") || json.contains("\"seconds\" : 0,"), json);
        assertTrue(json.contains("\"outcome\" : \"FAILED\""), json);
        assertTrue(json.contains("\"status\" : \"STOPPED_ON_FAILURE\""), json);
        assertTrue(json.contains("\"CRASHED\" : 1"), json);
    }

    /** A test directly under its unit, named as its id says, is written without its node, and reads back equal. */
    @Test
    void aFlatTestsNodeIsLeftOutAndATreesIsKept() throws Exception {
        NodeId unit = NodeId.ofUnit("pkg/Suite");
        TestResult nested = new TestResult(unit.child(NodeId.Kind.CONTAINER, "pkg/Suite#Inner", "Inner")
                .child(NodeId.Kind.TEST, "pkg/Suite#Inner#works", "works"), Outcome.PASSED, Duration.ofMillis(1), null, "", 1);
        RunRecord trees = run("trees").unit(unitResult("pkg/Suite", Outcome.PASSED, Duration.ofMillis(1), null, nested))
                .unit("a.py", test("a.py", "test_x[1]", Outcome.PASSED, 0.1)).build();

        RunArchive.write(dir, trees);

        String json = Files.readString(dir.resolve("last_run.json"));
        assertEquals(1, json.split("\"node\"", -1).length - 1, "only the nested test has a node: " + json);
        assertTrue(json.contains("\"name\" : \"Inner\""), json);
        assertEquals(trees, RunArchive.readLast(dir).orElseThrow());
    }

    @Test
    void aNewerRunReplacesLastRun() {
        RunArchive.write(dir, run("first").build());
        RunRecord second = run("second").unit("a.py", test("a.py", "t", Outcome.PASSED, 1.5)).build();

        RunArchive.write(dir, second);

        assertEquals(second, RunArchive.readLast(dir).orElseThrow());
        assertTrue(Files.exists(dir.resolve("runs/run_first.json")));
    }

    @Test
    void noArchiveYetIsEmpty() {
        assertTrue(RunArchive.readLast(dir).isEmpty());
    }

    @Test
    void somethingElseInLastRunIsRefusedWithItsName() throws Exception {
        Path file = dir.resolve("last_run.json");
        Files.writeString(file, "{\"format\": 1, \"label\": [");

        SalvoError e = assertThrows(SalvoError.class, () -> RunArchive.readLast(dir));

        assertTrue(e.getMessage().startsWith(file + " is not a Salvo run archive ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("): move it aside; the next run writes a new one"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anArchiveWithoutRequiredValuesIsRefused() throws Exception {
        Files.writeString(dir.resolve("last_run.json"), "{\"format\": 1, \"started\": \"2026-11-23T10:15:02Z\"}");

        SalvoError e = assertThrows(SalvoError.class, () -> RunArchive.readLast(dir));

        assertTrue(e.getMessage().contains("is not a Salvo run archive (a required value is missing"), e.getMessage());
    }

    @Test
    void anArchiveFromANewerSalvoIsRefused() throws Exception {
        Files.writeString(dir.resolve("last_run.json"), "{\"format\": 7}");

        SalvoError e = assertThrows(SalvoError.class, () -> RunArchive.readLast(dir));

        assertTrue(e.getMessage().contains("was written by a newer Salvo (archive format 7"), e.getMessage());
    }

    @Test
    void aLabelThatIsNotAFileNameIsRejected() {
        RunRecord run = run("../escape").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunArchive.write(dir, run));

        assertTrue(e.getMessage().startsWith("run label '../escape' cannot name an archive file"), e.getMessage());
    }
}
