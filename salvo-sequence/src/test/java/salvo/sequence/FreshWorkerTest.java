package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/**
 * py_func without context_id, now that the next worker starts during the previous call and
 * the last one ends in the background: still a process nobody used per call, started with the
 * python_env of its call, and nothing left running after the run.
 */
class FreshWorkerTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @Test
    void everyCallGetsAProcessOfItsOwn() {
        Tum.write(dir, "lib.py", """
                import os
                from py_func import tm
                calls = 0
                def who():
                    global calls
                    calls += 1
                    return [os.getpid(), calls, os.environ.get("MODE", "")]
                """);
        Path file = Tum.write(dir, "t.tum", """
                main:
                  name: m
                  steps:
                    - let: {values: {python_env: {MODE: first}}}
                    - loop:
                        iterator: 4
                        steps:
                          - py_func: {name: who, file: lib.py, func_name: who, store_result: "who_$(loop_param)"}
                    - let: {values: {python_env: {MODE: second}}}
                    - py_func: {name: after, file: lib.py, func_name: who}
                """);
        Tum.Ran r = Tum.run(file);
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        Set<Object> pids = new HashSet<>();
        for (int i = 1; i <= 4; i++) {
            List<?> who = (List<?>) r.dictionary().get("who_" + i);
            pids.add(who.get(0));
            assertEquals(1L, who.get(1), "a worker serves one call");
            assertEquals("first", who.get(2));
        }
        List<?> after = (List<?>) r.dictionary().get("pfn_after");
        pids.add(after.get(0));
        assertEquals(5, pids.size(), "five calls, five processes");
        assertEquals("second", after.get(2), "a spare started with the old python_env is not used");
    }
}
