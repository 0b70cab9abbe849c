package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.sequence.lua.LuaHelper;
import salvo.testing.NoLeftoverProcesses;

/** lua_func (§3.10) on the real Lua interpreter (lua5.4), through the bundled helper. */
class LuaFuncTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @BeforeEach
    void needsLua() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LuaHelper.interpreter(null).isPresent(),
                "no Lua on PATH (apt-get install lua5.4)");
        Tum.write(dir, "lib/calc.lua", """
                local M = {}
                function M.add(a, b)
                  print("adding " .. a .. " and " .. b)
                  return a + b
                end
                function M.several(s, t) return s .. "!", {1, 2.5, "q\\"uote\\n", true, t.k}, {n = {a = 1}} end
                function M.nothing() end
                function M.boom() error("it broke") end
                function M.dict()
                  tm.setgd("from_lua", {1, 2})
                  tm.delgd("gone")
                  return tm.gd("rate", 0) * 2
                end
                function M.forever() while true do end end
                function M.count()
                  local counter = tm.gd("counter")
                  if counter == nil then
                    local n = 0
                    counter = function() n = n + 1; return n end
                    tm.setgd("counter", counter) -- a function: JSON cannot carry it, its context keeps it
                  end
                  return counter()
                end
                return M
                """);
        Tum.write(dir, "notable.lua", "return 42\n");
        Tum.write(dir, "broken.lua", "local M = {}\nfunction M.f( return M\n");
    }

    private Tum.Ran run(String steps, String... defines) {
        return Tum.run(Tum.write(dir, "t.tum", "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4)), defines);
    }

    @Test
    void callsTheModulesFunctionWithItsParamsAndReturnsJson() {
        Tum.Ran r = run("""
                - let: {values: {rate: 21, gone: x}}
                - lua_func: {name: sum, file: lib/calc.lua, func_name: add, param: [2, 3.5], expected_result: 5.5}
                - lua_func: {name: many, file: lib/calc.lua, func_name: several, param: ["hé", {k: v}]}
                - lua_func: {name: none, file: lib/calc.lua, func_name: nothing}
                - lua_func: {name: dict, file: lib/calc.lua, func_name: dict, store_result: doubled}
                """);
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals(5.5, r.dictionary().get("lfn_sum"));
        assertTrue(r.row("sum").output().contains("adding 2 and 3.5"), r.row("sum").output());
        assertEquals(List.of("hé!", List.of(1L, 2.5, "q\"uote\n", true, "v"), Map.of("n", Map.of("a", 1L))),
                r.dictionary().get("lfn_many"));
        assertEquals(Verdict.PASS, r.row("none").verdict());
        assertEquals(42L, r.dictionary().get("doubled"));
        assertEquals(List.of(1L, 2L), r.dictionary().get("from_lua"));
        assertTrue(!r.dictionary().containsKey("gone"), "tm.delgd applied");
        assertEquals(List.of("hé!", List.of(1L, 2.5, "q\"uote\n", true, "v"), Map.of("n", Map.of("a", 1L))),
                r.row("many").data().get("returned"));
    }

    @Test
    void errorsAndBadModulesFailWithOneClearLine() {
        Tum.Ran r = run("""
                - lua_func: {name: boom, file: lib/calc.lua, func_name: boom}
                - lua_func: {name: notable, file: notable.lua, func_name: f}
                - lua_func: {name: broken, file: broken.lua, func_name: f}
                - lua_func: {name: nofunc, file: lib/calc.lua, func_name: missing}
                - lua_func: {name: nofile, file: nowhere.lua, func_name: f}
                """);
        assertTrue(r.row("boom").message().matches("lua_func boom failed: .*calc\\.lua:8: it broke"), r.row("boom").message());
        assertTrue(r.row("boom").output().contains("stack traceback:"), r.row("boom").output());
        assertTrue(r.row("notable").message().endsWith("notable.lua returned number, not a module table; end it with "
                + "'return M'"), r.row("notable").message());
        assertTrue(r.row("broken").message().contains("broken.lua:2:"), r.row("broken").message());
        assertTrue(r.row("nofunc").message().endsWith("has no function 'missing'"), r.row("nofunc").message());
        assertTrue(r.row("nofile").message().startsWith("lua_func file not found"), r.row("nofile").message());
        r.rows().forEach(row -> assertEquals(Verdict.FAIL, row.verdict(), row.toString()));
        r.rows().forEach(row -> assertEquals(1, row.message().lines().count(), row.message()));
    }

    @Test
    void aMissingLuaFailsClearlyAndCheckWarns() {
        Tum.Ran r = run("- lua_func: {name: f, file: lib/calc.lua, func_name: add, param: [1, 2]}\n",
                "lua_bin=/nonexistent/lua");
        assertEquals("lua_bin '/nonexistent/lua' is not an executable Lua interpreter; install lua5.4 or fix lua_bin",
                r.row("f").message());
        Tum.Cli check = Tum.seq("check", "-d", "lua_bin=/nonexistent/lua", dir.resolve("t.tum").toString());
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.err().contains("warning: its lua_func items will fail: lua_bin '/nonexistent/lua'"), check.toString());
        Tum.Ran chosen = run("- lua_func: {name: f, file: lib/calc.lua, func_name: add, param: [1, 2]}\n");
        assertEquals(LuaHelper.interpreter(null).orElseThrow(), chosen.dictionary().get("lua_bin"));
        assertEquals(3L, chosen.dictionary().get("lfn_f"));
    }

    @Test
    void aStopKillsTheLuaProcess() {
        long start = System.nanoTime();
        Tum.Ran r = run("""
                - parallel:
                    sync: any
                    branches:
                      - {name: spin, steps: [{lua_func: {name: spinner, file: lib/calc.lua, func_name: forever}}]}
                      - {name: quick, steps: [{sleep: {timeout: 0.5}}]}
                """);
        assertTrue((System.nanoTime() - start) / 1e9 < 15);
        assertEquals(Verdict.FAIL, r.row("spinner").verdict());
        assertEquals("lua_func stopped: its Lua process was killed", r.row("spinner").message());
        assertEquals(Verdict.PASS, r.row("parallel").verdict());
    }

    @Test
    void aContextKeepsItsProcessAndWhatJsonCannotCarryAcrossCalls() {
        Tum.Ran r = run("""
                - lua_func: {name: c1, file: lib/calc.lua, func_name: count, context_id: session}
                - lua_func: {name: c2, file: lib/calc.lua, func_name: count, context_id: session}
                - lua_func: {name: other, file: lib/calc.lua, func_name: count, context_id: other}
                - lua_func: {name: fresh1, file: lib/calc.lua, func_name: count}
                - lua_func: {name: fresh2, file: lib/calc.lua, func_name: count}
                - lua_func: {name: c3, file: lib/calc.lua, func_name: count, context_id: session}
                """);
        assertEquals(1L, r.row("c1").data().get("returned"));
        assertEquals(2L, r.row("c2").data().get("returned"), "the same context: its counter lives on");
        assertEquals(1L, r.row("other").data().get("returned"), "another context has its own");
        assertEquals(1L, r.row("fresh1").data().get("returned"), "without a context every call is a new process");
        assertEquals(1L, r.row("fresh2").data().get("returned"));
        assertEquals(3L, r.row("c3").data().get("returned"));
    }

    @Test
    void aStopKillsAContextsProcessAndTheNextCallStartsAnother() {
        Tum.Ran r = run("""
                - lua_func: {name: before, file: lib/calc.lua, func_name: count, context_id: s}
                - parallel:
                    sync: any
                    branches:
                      - {name: spin, steps: [{lua_func: {name: spinner, file: lib/calc.lua, func_name: forever, context_id: s}}]}
                      - {name: quick, steps: [{sleep: {timeout: 0.5}}]}
                - lua_func: {name: after, file: lib/calc.lua, func_name: count, context_id: s}
                """);
        assertEquals("lua_func stopped: its Lua process was killed", r.row("spinner").message());
        assertEquals(1L, r.row("after").data().get("returned"), "a new process: the counter starts again");
    }
}
