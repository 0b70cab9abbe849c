package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import salvo.testing.NoLeftoverProcesses;

/** What a pytest user is used to saying works under Salvo in every isolation mode. */
class PytestDropInTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @BeforeEach
    void suite() {
        Salvo.write(dir, "tests/test_fast.py", "def test_quick():\n    pass\n\ndef test_slow_thing():\n    pass\n");
        Salvo.write(dir, "tests/test_warns.py", "import warnings\n\ndef test_warns():\n    warnings.warn(DeprecationWarning('old'))\n");
        Salvo.write(dir, "tests/slow/test_heavy.py", "def test_heavy():\n    pass\n");
        Salvo.write(dir, "tests/test_skipped_file.py", "import pytest\npytest.importorskip('no_such_mod_zz')\n"
                + "def test_x():\n    pass\n");
    }

    /** Test id to outcome, from the run's archive. */
    private Map<String, String> outcomes() throws IOException {
        Map<String, String> outcomes = new java.util.TreeMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(lastRun()).path("units").forEach(u ->
                u.path("tests").forEach(t -> outcomes.put(t.path("id").asText(), t.path("outcome").asText())));
        return outcomes;
    }

    private String lastRun() throws IOException {
        return Files.readString(dir.resolve(".salvo/last_run.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fresh", "persistent", "fork"})
    void everythingAfterDoubleDashGoesToPytestUnchanged(String isolation) throws IOException {
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "-w", "2", "--",
                "-k", "not slow", "--ignore=tests/slow", "-W", "error::DeprecationWarning", "-p", "no:randomly");
        assertEquals(1, r.exit(), "-W error turns the warning into a failure: " + r);
        String last = lastRun();
        assertTrue(last.contains("tests/test_fast.py::test_quick"), last);
        assertFalse(last.contains("test_slow_thing"), "-k deselected it: " + last);
        assertFalse(last.contains("test_heavy"), "--ignore is Salvo's discovery's too: " + last);
        assertTrue(r.out().contains("FAILED") && r.out().contains("test_warns"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fresh", "persistent"})
    void keywordIsAnOptionOfItsOwnAndAFileThatSkipsItselfCountsAsOneSkippedTest(String isolation) throws IOException {
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "-k", "quick or heavy", "-x", "tests/test_warns.py");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("tests: 2 passed, 1 skipped"), "test_quick, test_heavy; the skipped file: " + r.out());
        assertTrue(lastRun().contains("no_such_mod_zz"), "the skip's reason is kept: " + lastRun());
    }

    /** Before, the workers shared it, and pytest empties it at its first use: a test lost its tmp_path. */
    @ParameterizedTest
    @ValueSource(strings = {"persistent", "fork"})
    void aBasetempGivenToPytestIsEachWorkersOwnAsWithXdist(String isolation) {
        for (int i = 0; i < 4; i++) {
            Salvo.write(dir, "tmp/test_tmp" + i + ".py", "import time\n\ndef test_keeps(tmp_path):\n"
                    + "    (tmp_path / 'f').write_text('x')\n    time.sleep(0.4)\n    assert (tmp_path / 'f').read_text() == 'x'\n");
        }
        Path base = dir.resolve("base");
        Salvo.Result r = Salvo.run(dir, "run", "tmp", "--isolation", isolation, "-w", "2", "--", "--basetemp=" + base);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("tests: 4 passed"), r.out());
        assertTrue(Files.isDirectory(base.resolve("gw0")) && Files.isDirectory(base.resolve("gw1")),
                "under the basetemp, a directory per worker, named as xdist's: " + base);
    }

    /** pytest's --durations, for which its workers' summary is not shown, is Salvo's own list. */
    @ParameterizedTest
    @ValueSource(strings = {"persistent", "fork"})
    void durationsListsTheSlowestTestsAfterTheSummary(String isolation) {
        Salvo.write(dir, "tests/test_sleepy.py", "import time\n\ndef test_sleeps():\n    time.sleep(0.3)\n");
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "--durations", "10", "--durations-min", "0.1",
                "-x", "tests/test_warns.py");
        assertEquals(0, r.exit(), r.toString());
        String listed = r.out().substring(r.out().indexOf("Slowest 10 tests"));
        assertTrue(listed.lines().skip(1).findFirst().orElse("").contains("tests/test_sleepy.py::test_sleeps"),
                "the sleeper first: " + r.out());
        assertTrue(listed.contains("tests under 0.1s left out"), "the quick ones counted, not listed: " + listed);
        assertTrue(r.out().indexOf("tests: ") < r.out().indexOf("Slowest 10 tests"), "after the summary: " + r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tests/slow", "./tests/slow/", "slow", "tests/*/test_heavy.py"})
    void excludeTakesWhatAUserTypes(String entry) throws IOException {
        Salvo.Result r = Salvo.run(dir, "run", "-l", "-x", entry);
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains("test_heavy.py"), entry + " excludes it: " + r.out());
        assertTrue(r.out().contains("tests/test_fast.py"), r.out());
        assertFalse(r.err().contains("matched no test file"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"absolute", "from-a-subdirectory"})
    void excludeTakesAbsoluteAndCwdRelativePaths(String how) {
        Path cwd = how.equals("absolute") ? dir : dir.resolve("tests");
        String entry = how.equals("absolute") ? dir.resolve("tests/slow").toString() : "slow/test_heavy.py";
        Salvo.Result r = Salvo.run(cwd, Map.of(), "run", "-l", "-x", entry, how.equals("absolute") ? "." : ".");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains("test_heavy.py"), entry + " excludes it: " + r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fresh", "persistent"})
    void everyFailingTestIsListedAtTheEnd(String isolation) {
        Salvo.write(dir, "tests/test_many.py", "def test_one():\n    assert 0\n\ndef test_two():\n    assert 0\n"
                + "\ndef test_three():\n    assert 0\n");
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "tests/test_many.py");
        assertEquals(1, r.exit(), r.toString());
        String failures = r.out().substring(r.out().indexOf("Failures"));
        for (String name : new String[] {"test_one", "test_two", "test_three"}) {
            assertTrue(failures.contains(name + ": AssertionError: assert 0"), name + " is listed: " + failures);
        }
    }

    @org.junit.jupiter.api.Test
    void forkTestGivesEachTestAFreshCopyOfTheWarmWorkerAndForkEachFile() throws IOException {
        Salvo.write(dir, "tests/test_state.py", String.join("\n",
                "import os",
                "STATE = []",
                "def test_first_leaves_state_behind():",
                "    STATE.append(1)",
                "def test_second_sees_none_of_it():",
                "    assert STATE == [], STATE",
                "def test_a_crash_costs_only_this_test():",
                "    os._exit(3)",
                "def test_after_the_crash():",
                "    assert STATE == []",
                ""));
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", "fork-test", "-w", "1", "tests/test_state.py");
        assertEquals(1, r.exit(), r.toString());
        Map<String, String> outcomes = outcomes();
        assertEquals("PASSED", outcomes.get("tests/test_state.py::test_second_sees_none_of_it"), outcomes.toString());
        assertEquals("CRASHED", outcomes.get("tests/test_state.py::test_a_crash_costs_only_this_test"), outcomes.toString());
        assertEquals("PASSED", outcomes.get("tests/test_state.py::test_after_the_crash"), outcomes.toString());
        Salvo.Result shared = Salvo.run(dir, "run", "--isolation", "fork", "-w", "1", "-k", "first or second",
                "tests/test_state.py");
        assertEquals(1, shared.exit(), "fork isolates files, not the tests of one file: " + shared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fresh", "persistent"})
    void lastFailedAndFailedFirstComeFromSalvosStore(String isolation) throws IOException {
        Salvo.write(dir, "tests/test_mixed.py", "def test_good():\n    pass\n\ndef test_bad():\n    assert 0\n");
        assertEquals(1, Salvo.run(dir, "run", "--isolation", isolation).exit());
        Salvo.Result lf = Salvo.run(dir, "run", "--isolation", isolation, "--lf");
        assertEquals(1, lf.exit(), lf.toString());
        Map<String, String> outcomes = outcomes();
        assertEquals("FAILED", outcomes.get("tests/test_mixed.py::test_bad"), outcomes.toString());
        assertFalse(outcomes.containsKey("tests/test_fast.py::test_quick"), "a file that passed does not run: " + outcomes);
        if (isolation.equals("persistent")) {
            assertFalse(outcomes.containsKey("tests/test_mixed.py::test_good"), "only the failed test runs: " + outcomes);
        }
        Salvo.Result ff = Salvo.run(dir, "run", "--isolation", isolation, "--ff");
        assertEquals(1, ff.exit(), ff.toString());
        String firstUnit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lastRun()).path("units").get(0)
                .path("id").asText();
        assertEquals("tests/test_mixed.py", firstUnit, "the failed file goes first");
        assertTrue(outcomes().containsKey("tests/test_fast.py::test_quick"), "and then everything else");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fresh", "persistent"})
    void aBrokenConftestBelowTheRootdirCostsOnlyTheFilesUnderIt(String isolation) throws IOException {
        Salvo.write(dir, "tests/slow/conftest.py", "import no_such_module_for_this_conftest\n");
        Salvo.Result r = Salvo.run(dir, "run", "--isolation", isolation, "-x", "tests/test_warns.py");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("ERROR    tests/slow/test_heavy.py"), r.out());
        assertEquals("PASSED", outcomes().get("tests/test_fast.py::test_quick"), "the other files ran");
    }
}
