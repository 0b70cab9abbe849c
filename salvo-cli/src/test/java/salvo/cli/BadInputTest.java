package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a user can make gets one line naming the input and what to do, exit 4, and no trace. */
class BadInputTest {
    @TempDir
    Path dir;

    @BeforeEach
    void suite() {
        Salvo.write(dir, "test_ok.py", "def test_a():\n    pass\n");
    }

    private void oneLineUsageError(Salvo.Result r, String... mentions) {
        assertEquals(4, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "exactly one line: " + r.err());
        assertTrue(r.err().startsWith("salvo: "), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "mentions '" + m + "': " + r.err());
        }
    }

    /** A store whose last run cannot be read: the new run still runs, shows and keeps its results. */
    @Test
    void aDamagedPreviousRunCostsTheComparisonNotTheSummary() throws Exception {
        assertEquals(0, Salvo.run(dir, "run").exit());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".salvo/salvo.db"))) {
            c.createStatement().executeUpdate("UPDATE test_results SET node = '[{bad'");
        }
        Salvo.Result r = Salvo.run(dir, "run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("tests: 1 passed"), r.toString());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("salvo: no comparison with the previous run: ")
                && l.contains("[{bad") && l.contains("move it aside")).count(), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".salvo/salvo.db"));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM runs WHERE status = 'COMPLETED'")) {
            assertEquals(2, rs.getInt(1), "the new run is kept");
        }

        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".salvo/salvo.db"))) {
            c.createStatement().executeUpdate("UPDATE test_results SET node = '[{bad'");
        }
        oneLineUsageError(Salvo.run(dir, "run", "--lf"), "[{bad", "move it aside");
    }

    @Test
    void unknownOption() {
        oneLineUsageError(Salvo.run(dir, "run", "--frobnicate"), "--frobnicate", "salvo run --help");
    }

    @Test
    void pathThatDoesNotExist() {
        oneLineUsageError(Salvo.run(dir, "run", "no/such/dir"), "no/such/dir", "does not exist");
    }

    @Test
    void interpreterThatIsNotThere() {
        oneLineUsageError(Salvo.run(dir, "run", "--python", "python-nope-9"), "python-nope-9", "--python");
    }

    @Test
    void interpreterWithoutPytest() throws Exception {
        Path venv = dir.resolve("bare-venv");
        assertEquals(0, new ProcessBuilder("python3", "-m", "venv", "--without-pip", venv.toString())
                .inheritIO().start().waitFor());
        Salvo.Result r = Salvo.run(dir, "run", "--python", venv.resolve("bin/python").toString(), "test_ok.py");
        oneLineUsageError(r, "pytest is not installed", "pip install pytest");
    }

    @Test
    void badMarkerExpression() {
        oneLineUsageError(Salvo.run(dir, "run", "-m", "not (integration"), "not (integration", "marker expression");
    }

    @Test
    void nonsenseNumbers() {
        oneLineUsageError(Salvo.run(dir, "run", "-w", "-1"), "--workers -1");
        oneLineUsageError(Salvo.run(dir, "run", "-w", "lots"), "--workers lots", "auto");
        oneLineUsageError(Salvo.run(dir, "run", "-t", "-3"), "--timeout");
        oneLineUsageError(Salvo.run(dir, "run", "-r", "many"), "many");
    }

    @Test
    void loopingOnFailuresWithWhatCannotLoop() {
        oneLineUsageError(Salvo.run(dir, "run", "-f", "-l"), "-f/--looponfail", "-l/--list");
        oneLineUsageError(Salvo.run(dir, "watch", "-w", "0"), "-f/--looponfail", "-w 0");
        oneLineUsageError(Salvo.run(dir, "run", "--looponfail", "--pdb"), "-f/--looponfail", "--pdb");
    }

    @Test
    void optionsForPersistentWorkersAreRefusedWithFreshIsolation() {
        oneLineUsageError(Salvo.run(dir, "run", "--isolation", "fresh", "--max-tests-per-worker", "3"),
                "--max-tests-per-worker", "--isolation persistent");
        oneLineUsageError(Salvo.run(dir, "run", "--isolation", "persistent", "--dist", "sideways"), "sideways", "loadfile");
    }

    @Test
    void aJUnitReportThatCannotBeWrittenIsNotASuccess() throws Exception {
        Salvo.Result r = Salvo.run(dir, "run", "--junit-xml", "/proc/salvo-cannot-write-here.xml");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("--junit-xml /proc/salvo-cannot-write-here.xml"), r.err());
        assertTrue(java.nio.file.Files.exists(dir.resolve(".salvo/last_run.json")), "the run itself is kept");
    }

    @Test
    void queriesWithNoStore() {
        oneLineUsageError(Salvo.run(dir, "history"), "no runs stored", "salvo run");
        oneLineUsageError(Salvo.run(dir, "compare"), "no runs stored");
        oneLineUsageError(Salvo.run(dir, "report"), "no runs stored");
    }

    @Test
    void compareWithOneRunOrAMissingRun() {
        assertEquals(0, Salvo.run(dir, "run").exit());
        oneLineUsageError(Salvo.run(dir, "compare"), "two stored runs");
        oneLineUsageError(Salvo.run(dir, "compare", "1", "42"), "#42", "salvo history");
    }

    @Test
    void pytestOptionsThatCannotWorkOnWorkersAreRefusedWithWhatToUse() {
        oneLineUsageError(Salvo.run(dir, "run", "--", "-x"), "pytest's -x", "salvo's -s");
        oneLineUsageError(Salvo.run(dir, "run", "--", "--maxfail=2"), "--maxfail", "salvo's -s");
        oneLineUsageError(Salvo.run(dir, "run", "--", "-n", "4"), "pytest's -n", "-w");
        oneLineUsageError(Salvo.run(dir, "run", "--", "--lf"), "--lf", "salvo's --lf");
        oneLineUsageError(Salvo.run(dir, "run", "--", "--durations=5"), "pytest's --durations", "salvo's --durations N");
        oneLineUsageError(Salvo.run(dir, "run", "--durations", "-1"), "--durations -1", "0 for all");
        oneLineUsageError(Salvo.run(dir, "run", "--isolation", "persistent", "--", "--pdb"), "--pdb", "-w 0");
    }

    /** Under Salvo these made every file an error (pytest ended each worker's session at once), or,
     *  for --setup-plan, counted tests as passed that never ran. */
    @Test
    void pytestOptionsThatRunNoTestAreRefusedWithThePytestCommandToRun() {
        for (String option : new String[] {"--fixtures", "--markers", "--version", "-h", "--fixtures-per-test"}) {
            oneLineUsageError(Salvo.run(dir, "run", "--", option), "pytest's " + option,
                    "run python -m pytest " + option);
        }
        oneLineUsageError(Salvo.run(dir, "run", "--", "-qV"), "pytest's -V", "run python -m pytest -V");
        oneLineUsageError(Salvo.run(dir, "run", "--", "-vx"), "pytest's -x", "salvo's -s");
        for (String option : new String[] {"--setup-plan", "--setup-only", "--setupplan"}) {
            oneLineUsageError(Salvo.run(dir, "run", "--", option), "runs no test's body", "python -m pytest " + option);
        }
        assertFalse(Salvo.run(dir, "history").out().contains("#1"), "nothing was run, so nothing is stored");
        assertEquals(0, Salvo.run(dir, "run", "--", "-rfEx", "-kx or a").exit(),
                "x in the value of -r or -k is not -x");
    }

    @Test
    void anUnknownPytestOptionIsOneLineFromPytestItself() {
        oneLineUsageError(Salvo.run(dir, "run", "--", "--no-such-pytest-flag"), "--no-such-pytest-flag", "after --");
        oneLineUsageError(Salvo.run(dir, "run", "--isolation", "persistent", "--", "--no-such-pytest-flag"),
                "--no-such-pytest-flag");
    }

    @Test
    void aConftestThatDoesNotImportStopsTheRunOnceWithExitFour() {
        Salvo.write(dir, "conftest.py", "import no_such_module_for_a_conftest\n");
        Salvo.write(dir, "test_two.py", "def test_b():\n    pass\n");
        for (String isolation : new String[] {"fresh", "persistent"}) {
            oneLineUsageError(Salvo.run(dir, "run", "--isolation", isolation), "conftest.py",
                    "No module named 'no_such_module_for_a_conftest'");
        }
        assertTrue(Salvo.run(dir, "history").out().contains("interrupted"), "the run is kept, as interrupted");
    }

    @Test
    void pyargsOfAPackageThatIsNotInstalled() {
        oneLineUsageError(Salvo.run(dir, "run", "--pyargs", "no_such_package_zz.tests"), "no_such_package_zz.tests",
                "install it");
    }

    @Test
    void anExcludedPathThatDoesNotExist() {
        oneLineUsageError(Salvo.run(dir, "run", "-x", "tests/no_such_dir"), "tests/no_such_dir", "no such file");
    }
}
