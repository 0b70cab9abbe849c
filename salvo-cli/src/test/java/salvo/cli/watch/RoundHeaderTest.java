package salvo.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static salvo.model.RunBuilder.test;
import static salvo.model.RunBuilder.unitResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunBuilder;
import salvo.model.RunRecord;

class RoundHeaderTest {
    private static final Path CWD = Path.of("/work/project");
    private static final RunRecord TWO_FAILING = RunBuilder.run("r1")
            .unit("tests/test_a.py", test("tests/test_a.py", "test_x", Outcome.FAILED, 0.1),
                    test("tests/test_a.py", "test_y", Outcome.ERROR, 0.1),
                    test("tests/test_a.py", "test_z", Outcome.PASSED, 0.1)).build();

    @Test
    void saysWhatRunsAndAfterWhichChange() {
        assertEquals("salvo watch: round 1 — the first run", RoundHeader.text(1, RoundPlan.first(), List.of(), CWD));
        assertEquals("salvo watch: round 3 — 2 failing tests re-run after change to tests/test_a.py",
                RoundHeader.text(3, RoundPlan.failuresOf(TWO_FAILING), List.of(CWD.resolve("tests/test_a.py")), CWD));
        assertEquals("salvo watch: round 4 — the failing tests pass: everything runs again",
                RoundHeader.text(4, RoundPlan.everything(false), List.of(), CWD));
        assertEquals("salvo watch: round 5 — everything after changes to src/a.py and src/b.py",
                RoundHeader.text(5, RoundPlan.everything(true), List.of(CWD.resolve("src/a.py"), CWD.resolve("src/b.py")), CWD));
    }

    @Test
    void namesTwoChangesAndCountsTheRest() {
        List<Path> changes = List.of(CWD.resolve("a.py"), CWD.resolve("b.py"), CWD.resolve("c.py"), Path.of("/elsewhere/d.py"));
        assertEquals("salvo watch: round 2 — everything after changes to a.py, b.py and 2 more",
                RoundHeader.text(2, RoundPlan.everything(true), changes, CWD));
        assertEquals("salvo watch: round 2 — everything after change to /elsewhere/d.py",
                RoundHeader.text(2, RoundPlan.everything(true), List.of(Path.of("/elsewhere/d.py")), CWD));
    }

    @Test
    void aUnitThatFailedAsAWholeIsCountedAsAUnit() {
        RunRecord broken = RunBuilder.run("r2").unit(unitResult("tests/test_b.py", Outcome.ERROR, Duration.ZERO,
                Failure.of(FailureKind.IMPORT, "ModuleNotFoundError"))).build();
        assertEquals("1 failing unit", RoundHeader.failing(broken));
        RunRecord both = RunBuilder.run("r3").unit(TWO_FAILING.units().get(0)).unit(broken.units().get(0)).build();
        assertEquals("2 failing tests and 1 failing unit", RoundHeader.failing(both));
    }

    @Test
    void waitingNamesTheRoots() {
        assertEquals("salvo watch: waiting for changes under /work/project, /work/lib (Ctrl-C to stop)",
                RoundHeader.waiting(List.of(CWD, Path.of("/work/lib"))));
    }
}
