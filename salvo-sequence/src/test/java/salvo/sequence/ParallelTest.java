package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/** parallel (§3.16): sync all and any, no_fail, wait_for, nesting, inside loops, stopping a running py_func. */
class ParallelTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Tum.Ran run(String steps) {
        return Tum.run(Tum.write(dir, "t.tum", "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4)));
    }

    @Test
    void allFailsWhenABranchFailsUnlessNoFail() {
        Tum.Ran r = run("""
                - parallel:
                    name: p
                    branches:
                      - {name: a, steps: [{sleep: {timeout: 0.2}}]}
                      - {name: b, steps: [{check: {values: [false]}}]}
                - parallel:
                    name: forgiven
                    no_fail: true
                    branches:
                      - {name: c, steps: [{check: {values: [false]}}]}
                      - {name: d, skipped: true, steps: []}
                """);
        assertEquals(Verdict.FAIL, r.row("p").verdict());
        assertEquals("branch 'b' failed", r.row("p").message());
        assertEquals(Verdict.PASS, r.row("a").verdict());
        assertEquals(Verdict.PASS, r.row("forgiven").verdict());
        assertEquals(Verdict.SKIP, r.row("d").verdict());
        assertTrue(r.log().contains("[a] -----> step \"a\" started"), r.log());
    }

    @Test
    void anyStopsTheLosersPromptlyEvenARunningPyFunc() {
        Tum.write(dir, "slow.py", "import time\ndef wait():\n    time.sleep(30)\n    return 1\n");
        long start = System.nanoTime();
        Tum.Ran r = run("""
                - parallel:
                    name: p
                    sync: any
                    branches:
                      - {name: slowpy, steps: [{py_func: {name: w, file: slow.py, func_name: wait}}]}
                      - {name: slowsleep, steps: [{sleep: {timeout: 30}}]}
                      - {name: never, condition: "<| False |>", steps: []}
                      - {name: quick, steps: [{sleep: {timeout: 0.5}}]}
                """);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertEquals(Verdict.PASS, r.row("p").verdict(), r.toString());
        assertEquals("branch 'quick' ended first", r.row("p").message());
        assertEquals(Verdict.FAIL, r.row("w").verdict());
        assertEquals("py_func stopped: its worker was killed", r.row("w").message());
        assertEquals(Verdict.SKIP, r.row("never").verdict(), "a skipped branch never wins");
    }

    @Test
    void anyFailsWhenTheFirstToEndFailed() {
        Tum.Ran r = run("""
                - parallel:
                    name: p
                    sync: any
                    branches:
                      - {name: bad, steps: [{check: {values: [false]}}]}
                      - {name: slow, steps: [{sleep: {timeout: 20}}]}
                """);
        assertEquals(Verdict.FAIL, r.row("p").verdict(), r.toString());
    }

    @Test
    void waitForWithAndWithoutTimeout() {
        Tum.Ran r = run("""
                - parallel:
                    name: p
                    branches:
                      - name: waiter
                        wait_for: {condition: "<| $(ready) == 1 |>"}
                        steps: [{let: {values: {waited: true}}}]
                      - name: setter
                        steps: [{sleep: {timeout: 0.3}}, {let: {values: {ready: 1}}}]
                      - name: hopeless
                        wait_for: {condition: "<| False |>", timeout: 0.3}
                        steps: [{let: {values: {never: true}}}]
                """);
        assertEquals(true, r.dictionary().get("waited"));
        assertEquals(null, r.dictionary().get("never"));
        assertEquals(Verdict.FAIL, r.row("hopeless").verdict());
        assertTrue(r.row("hopeless").message().contains("not met within 0.3 s"), r.row("hopeless").message());
    }

    @Test
    void nestedParallelInsideALoop() {
        Tum.Ran r = run("""
                - loop:
                    name: L
                    iterator: 2
                    steps:
                      - parallel:
                          name: outer
                          branches:
                            - name: a
                              steps:
                                - parallel:
                                    name: inner
                                    sync: any
                                    branches:
                                      - {name: a1, steps: [{let: {values: {"a_$(loop_param)": "$(loop_index)"}}}]}
                                      - {name: a2, steps: [{sleep: {timeout: 20}}]}
                            - {name: b, steps: [{let: {values: {"b_$(loop_param)": true}}}]}
                """);
        assertEquals(Verdict.PASS, r.row("L").verdict(), r.toString());
        assertEquals(1L, r.dictionary().get("a_2"), "a lone reference keeps its type");
        assertEquals(true, r.dictionary().get("b_1"));
        assertEquals(2, r.all("inner").size());
        assertTrue(r.row("a2").path().get(0).id().startsWith("0:loop"), r.row("a2").path().toString());
        assertEquals("0:loop/#2/0:parallel/0:branch/0:parallel/1:branch", r.row("a2").node().id());
    }
}
