package salvo.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.test;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.cli.watch.RoundPlan.Scope;
import salvo.model.Outcome;
import salvo.model.RunBuilder;
import salvo.model.RunRecord;
import salvo.model.RunStatus;

/** The loop's decisions, as xdist's looponfail makes them: from a round's result to the next round. */
class NextRoundTest {
    private static final RunRecord FAILING = RunBuilder.run("r1")
            .unit("tests/test_a.py", test("tests/test_a.py", "test_x", Outcome.FAILED, 0.1),
                    test("tests/test_a.py", "test_y", Outcome.PASSED, 0.1))
            .unit("tests/test_b.py", test("tests/test_b.py", "test_z", Outcome.PASSED, 0.1)).build();
    private static final RunRecord PASSING = RunBuilder.run("r2")
            .unit("tests/test_a.py", test("tests/test_a.py", "test_x", Outcome.PASSED, 0.1)).build();

    @Test
    void failuresRunAgainAfterTheNextChange() {
        RoundPlan next = NextRound.after(RoundPlan.first(), Optional.of(FAILING)).orElseThrow();
        assertEquals(Scope.FAILING, next.scope());
        assertTrue(next.afterChange());
        assertEquals(Optional.of(FAILING), next.failuresOf());
    }

    @Test
    void failuresThatStillFailRunAgainAfterTheNextChangeFromTheLatestRound() {
        RunRecord stillFailing = RunBuilder.run("r3").unit("tests/test_a.py",
                test("tests/test_a.py", "test_x", Outcome.FAILED, 0.1)).build();
        RoundPlan next = NextRound.after(RoundPlan.failuresOf(FAILING), Optional.of(stillFailing)).orElseThrow();
        assertEquals(RoundPlan.failuresOf(stillFailing), next);
    }

    @Test
    void onceTheFailuresPassEverythingRunsAtOnce() {
        RoundPlan next = NextRound.after(RoundPlan.failuresOf(FAILING), Optional.of(PASSING)).orElseThrow();
        assertEquals(RoundPlan.everything(false), next);
    }

    @Test
    void aPassingSuiteRunsWholeAgainOnTheNextChange() {
        assertEquals(Optional.of(RoundPlan.everything(true)), NextRound.after(RoundPlan.first(), Optional.of(PASSING)));
        assertEquals(Optional.of(RoundPlan.everything(true)),
                NextRound.after(RoundPlan.everything(false), Optional.of(PASSING)));
    }

    @Test
    void aRunStoppedAtItsFirstFailureCountsAsFailing() {
        RunRecord stopped = RunBuilder.run("r4").status(RunStatus.STOPPED_ON_FAILURE).unit("tests/test_a.py",
                test("tests/test_a.py", "test_x", Outcome.FAILED, 0.1)).build();
        assertEquals(Optional.of(RoundPlan.failuresOf(stopped)), NextRound.after(RoundPlan.first(), Optional.of(stopped)));
    }

    @Test
    void aStoppedRoundEndsTheLoop() {
        RunRecord interrupted = RunBuilder.run("r5").status(RunStatus.INTERRUPTED).build();
        assertFalse(NextRound.after(RoundPlan.first(), Optional.of(interrupted)).isPresent());
        assertFalse(NextRound.after(RoundPlan.failuresOf(FAILING), Optional.of(interrupted)).isPresent());
    }

    @Test
    void aRoundThatCouldNotRunIsTriedAgainAsItWasAfterTheNextChange() {
        assertEquals(Optional.of(RoundPlan.failuresOf(FAILING)),
                NextRound.after(RoundPlan.failuresOf(FAILING), Optional.empty()));
        assertEquals(Optional.of(RoundPlan.everything(true)), NextRound.after(RoundPlan.everything(false), Optional.empty()));
    }
}
