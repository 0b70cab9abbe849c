package salvo.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

class TestProgressTest {

    private static TestUnit file(String id) {
        return new TestUnit(id, Path.of(id), "pytest");
    }

    private static TestUnit command(String id) {
        return new TestUnit(id, Path.of("."), "command");
    }

    private static TestResult test(String unit, String name) {
        return new TestResult(NodeId.test(unit, unit + "::" + name, name), Outcome.PASSED, Duration.ofMillis(5), null, "", 1);
    }

    private static UnitResult ended(TestUnit unit, TestResult... tests) {
        return new UnitResult(unit, Outcome.PASSED, Duration.ofSeconds(1), List.of(tests), null, 1, WorkerRef.local("gw1"));
    }

    private static TestResult[] tests(String unit, int n) {
        TestResult[] out = new TestResult[n];
        Arrays.setAll(out, i -> test(unit, "test_" + i));
        return out;
    }

    @Test
    void testsFinishedInsideUnfinishedFilesCountAndTheTotalGrowsAsFilesAreCollected() {
        TestProgress p = new TestProgress(List.of(file("a.py"), file("b.py"), file("c.py")), Map.of());
        p.collected("a.py", 10);
        for (TestResult t : tests("a.py", 4)) {
            p.testFinished(t);
        }
        Progress now = p.progress();
        assertEquals(4, now.testsDone(), "files end late on test-level scheduling; their tests count as they finish");
        assertEquals(0, now.unitsDone());
        assertEquals(30, now.testsExpected(), "the two uncollected files are guessed at the mean so far");
        assertTrue(now.estimated());
        assertEquals("4/~30 tests (0/3 files)", now.text());

        p.collected("b.py", 2);
        p.collected("c.py", 3);
        now = p.progress();
        assertEquals(15, now.testsExpected());
        assertFalse(now.estimated(), "every file collected: the total is known");
        assertEquals("4/15 tests (0/3 files)", now.text());
        assertEquals(26, now.percent());
    }

    @Test
    void theLastStoredRunEstimatesAFileBeforeTheMeanDoes() {
        TestProgress p = new TestProgress(List.of(file("a.py"), file("b.py"), file("c.py")), Map.of("b.py", 40));
        p.collected("a.py", 10);
        Progress now = p.progress();
        assertEquals(10 + 40 + 10, now.testsExpected(), "b.py from history, c.py (new) at the mean");
        assertTrue(now.estimated());
    }

    @Test
    void aCommandWithoutTestsWeighsOneAndIsNotGuessedAtTheMeanOfTestFiles() {
        TestUnit build = command("build");
        TestProgress p = new TestProgress(List.of(file("a.py"), build), Map.of());
        p.collected("a.py", 100);
        assertEquals(101, p.progress().testsExpected());
        p.ended(ended(build));
        Progress now = p.progress();
        assertEquals(1, now.testsDone());
        assertEquals(1, now.unitsDone());
    }

    @Test
    void retriesAndRepeatedResultsDoNotCountATestTwice() {
        TestUnit a = file("a.py");
        TestProgress p = new TestProgress(List.of(a, file("b.py")), Map.of());
        p.collected("a.py", 2);
        TestResult first = test("a.py", "test_0");
        p.testFinished(first);
        p.collected("a.py", 1); // the retry round collects only what failed
        p.testFinished(first.withOutcome(Outcome.FLAKY));
        assertEquals(1, p.progress().testsDone());
        assertEquals(2 + 2, p.progress().testsExpected(), "a.py keeps the count of its first collection");

        assertTrue(p.ended(ended(a, first, test("a.py", "test_1"))));
        assertFalse(p.ended(ended(a, first)), "the run's record repeats what the events said");
        assertEquals(2, p.progress().testsDone());
    }

    @Test
    void everyUnitEndedIsAHundredPercentWhateverTheGuessesWere() {
        TestUnit a = file("a.py");
        TestUnit b = file("b.py");
        TestProgress p = new TestProgress(List.of(a, b), Map.of("a.py", 500));
        p.ended(ended(a, tests("a.py", 3)));
        p.ended(ended(b)); // failed to import: no tests, still one unit of work
        Progress now = p.progress();
        assertEquals(4, now.testsDone());
        assertEquals(4, now.testsExpected());
        assertFalse(now.estimated());
        assertEquals(100, now.percent());
        assertTrue(now.allUnitsDone());
    }

    @Test
    void percentagesAreExactNotFloatingPoint() {
        assertEquals(29, new Progress(29, 100, false, 0, 1).percent(), "0.29 * 100 is 28.999… in doubles");
        assertEquals(100, new Progress(5, 4, false, 0, 1).percent(), "never past the whole");
    }

    @Test
    void totalsAreGroupedByThousands() {
        assertEquals("1 234/~5 000 tests (12/266 files)", new Progress(1234, 5000, true, 12, 266).text());
    }

    @Test
    void etaFollowsThePaceOfTestsWithoutHistory() {
        Progress third = new Progress(100, 300, true, 1, 30);
        Eta eta = Eta.of(Duration.ofSeconds(60), null, third).orElseThrow();
        assertEquals(Duration.ofSeconds(120), eta.remaining(), "a third of the tests in a minute: two more");
        assertEquals("~2:00", eta.text());
        assertEquals("0:40", Eta.of(Duration.ofSeconds(60), Duration.ofSeconds(100), third).orElseThrow().text(),
                "history, when it has an estimate, is not marked");
    }
}
