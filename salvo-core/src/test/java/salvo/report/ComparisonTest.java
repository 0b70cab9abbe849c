package salvo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.run;
import static salvo.model.RunBuilder.seconds;
import static salvo.model.RunBuilder.test;
import static salvo.model.RunBuilder.unitResult;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunRecord;

class ComparisonTest {

    private static List<String> names(List<Change> changes) {
        return changes.stream().map(Change::name).toList();
    }

    /** Five files, each with one test, going through every file-level change. */
    private static Comparison filesChanging() {
        RunRecord older = run("old").id(11)
                .unit("broke.py", test("broke.py", "t", Outcome.PASSED, 1))
                .unit("mended.py", test("mended.py", "t", Outcome.FAILED, 1))
                .unit("stuck.py", test("stuck.py", "t", Outcome.ERROR, 1))
                .unit("calm.py", test("calm.py", "t", Outcome.PASSED, 1))
                .unit("gone.py", test("gone.py", "t", Outcome.FAILED, 1))
                .build();
        RunRecord newer = run("new").id(12)
                .unit("broke.py", test("broke.py", "t", Outcome.FAILED, 1))
                .unit("mended.py", test("mended.py", "t", Outcome.PASSED, 1))
                .unit("stuck.py", test("stuck.py", "t", Outcome.TIMEOUT, 1))
                .unit("calm.py", test("calm.py", "t", Outcome.PASSED, 1))
                .unit("fresh.py", test("fresh.py", "t", Outcome.PASSED, 1))
                .unit("fresh_broken.py", test("fresh_broken.py", "t", Outcome.CRASHED, 1))
                .build();
        return Comparison.between(older, newer);
    }

    @Test
    void filesAreSortedIntoEachCategory() {
        Changes units = filesChanging().units();

        assertEquals(List.of("broke.py", "fresh_broken.py"), names(units.newFailures()));
        assertEquals(List.of("mended.py"), names(units.fixed()));
        assertEquals(List.of("stuck.py"), names(units.stillFailing()));
        assertEquals(List.of("fresh.py", "fresh_broken.py"), names(units.added()));
        assertEquals(List.of("gone.py"), names(units.removed()));
        Change broke = units.newFailures().get(0);
        assertEquals(Outcome.PASSED, broke.before());
        assertEquals(Outcome.FAILED, broke.after());
        assertEquals("t: assert t", broke.message());
    }

    @Test
    void testsAreSortedIntoEachCategory() {
        RunRecord older = run("old")
                .unit("a.py", test("a.py", "broke", Outcome.PASSED, 1), test("a.py", "mended", Outcome.FAILED, 1),
                        test("a.py", "stuck", Outcome.FAILED, 1), test("a.py", "removed", Outcome.PASSED, 1),
                        test("a.py", "calm", Outcome.PASSED, 1))
                .unit("gone.py", test("gone.py", "t", Outcome.PASSED, 1))
                .build();
        RunRecord newer = run("new")
                .unit("a.py", test("a.py", "broke", Outcome.FAILED, 1), test("a.py", "mended", Outcome.PASSED, 1),
                        test("a.py", "stuck", Outcome.ERROR, 1), test("a.py", "added", Outcome.PASSED, 1),
                        test("a.py", "added_broken", Outcome.FAILED, 1), test("a.py", "calm", Outcome.PASSED, 1))
                .unit("new.py", test("new.py", "t", Outcome.FAILED, 1))
                .build();

        Changes tests = Comparison.between(older, newer).tests();

        assertEquals(List.of("a.py::added_broken", "a.py::broke", "new.py::t"), names(tests.newFailures()));
        assertEquals(List.of("a.py::mended"), names(tests.fixed()));
        assertEquals(List.of("a.py::stuck"), names(tests.stillFailing()));
        // Tests of files that are new or gone are told by the file-level changes.
        assertEquals(List.of("a.py::added", "a.py::added_broken"), names(tests.added()));
        assertEquals(List.of("a.py::removed"), names(tests.removed()));
    }

    @Test
    void aFileThatStopsCollectingIsOneNewFailureNotAListOfRemovedTests() {
        RunRecord older = run("old").unit("a.py", test("a.py", "one", Outcome.PASSED, 1),
                test("a.py", "two", Outcome.PASSED, 1)).build();
        RunRecord broken = run("new").unit(unitResult("a.py", Outcome.ERROR, Duration.ZERO,
                Failure.of(FailureKind.COLLECTION, "ImportError: no module named x"))).build();

        Comparison c = Comparison.between(older, broken);

        assertEquals(List.of("a.py"), names(c.tests().newFailures()));
        assertEquals("ImportError: no module named x", c.tests().newFailures().get(0).message());
        assertTrue(c.tests().removed().isEmpty(), c.tests().removed().toString());

        Comparison mended = Comparison.between(broken, older);
        assertEquals(List.of("a.py"), names(mended.tests().fixed()));
        assertTrue(mended.tests().added().isEmpty(), mended.tests().added().toString());
        assertTrue(Comparison.between(broken, broken).tests().stillFailing().stream().anyMatch(Change::isWholeUnit));
    }

    @Test
    void flakyPassesWithAWarning() {
        RunRecord older = run("old").unit("a.py", test("a.py", "was_failing", Outcome.FAILED, 1),
                test("a.py", "was_passing", Outcome.PASSED, 1)).build();
        RunRecord newer = run("new").unit("a.py", test("a.py", "was_failing", Outcome.FLAKY, 1),
                test("a.py", "was_passing", Outcome.FLAKY, 1)).build();

        Comparison c = Comparison.between(older, newer);

        assertEquals(List.of("a.py::was_failing"), names(c.tests().fixed()));
        assertTrue(c.tests().newFailures().isEmpty());
        assertTrue(c.units().newFailures().isEmpty());
        assertEquals(List.of("a.py::was_failing", "a.py::was_passing"), names(c.flaky()));
        assertEquals("assert was_passing", c.flaky().get(1).message());
    }

    @Test
    void muchSlowerNeedsBothTheFactorAndTheIncrease() {
        RunRecord older = run("old").unit("a.py",
                test("a.py", "doubled", Outcome.PASSED, 0.5), test("a.py", "quick_but_5x", Outcome.PASSED, 0.1),
                test("a.py", "long_plus_1s", Outcome.PASSED, 10), test("a.py", "much", Outcome.PASSED, 0.4),
                test("a.py", "was_skipped", Outcome.SKIPPED, 0), test("a.py", "almost", Outcome.PASSED, 0.5)).build();
        RunRecord newer = run("new").unit("a.py",
                test("a.py", "doubled", Outcome.PASSED, 1.0), test("a.py", "quick_but_5x", Outcome.PASSED, 0.5),
                test("a.py", "long_plus_1s", Outcome.PASSED, 11), test("a.py", "much", Outcome.FAILED, 2.1),
                test("a.py", "was_skipped", Outcome.PASSED, 3), test("a.py", "almost", Outcome.PASSED, 0.999)).build();

        List<SlowerTest> slower = Comparison.between(older, newer).slower();

        assertEquals(List.of("a.py::much", "a.py::doubled"), slower.stream().map(SlowerTest::testId).toList());
        assertEquals(seconds(0.4), slower.get(0).before());
        assertEquals(seconds(2.1), slower.get(0).after());

        Slowdown sensitive = new Slowdown(1.05, Duration.ofMillis(100));
        List<String> more = Comparison.between(older, newer, sensitive).slower().stream().map(SlowerTest::testId).toList();
        assertEquals(List.of("a.py::much", "a.py::long_plus_1s", "a.py::doubled", "a.py::almost", "a.py::quick_but_5x"), more);
    }

    @Test
    void summaryIsOneLineThenTheNewFailures() {
        String summary = ComparisonText.summary(filesChanging());

        assertEquals("vs run #11: 2 new failures, 1 fixed, 1 still failing, 2 files added, 1 gone\n"
                + "  broke.py::t  FAILED (was PASSED): assert t\n"
                + "  fresh_broken.py::t  CRASHED (new): assert t\n", summary);
    }

    @Test
    void fullTextNamesBothRunsAndEveryNonEmptyCategory() {
        String text = ComparisonText.render(filesChanging());

        assertTrue(text.startsWith("run #11 (old) -> run #12 (new)\n"), text);
        assertTrue(text.contains("Files: 2 new failures, 1 fixed, 1 still failing, 2 added, 1 removed\n"), text);
        assertTrue(text.contains("  removed files:\n    gone.py  gone (was FAILED): t: assert t\n"), text);
        assertTrue(text.contains("  still failing:\n    stuck.py::t  TIMEOUT (was ERROR): assert t\n"), text);
        assertTrue(!text.contains("Much slower"), text);
    }
}
