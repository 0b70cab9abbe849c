package salvo.pytest.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.error.SalvoError;
import salvo.model.TestUnit;

class TestFileFinderTest {
    @TempDir
    Path temp;

    private final TestFileFinder finder = new TestFileFinder();

    private ProjectTree tree() {
        return new ProjectTree(temp);
    }

    private PytestConfig config() {
        return PytestConfigLoader.load(temp);
    }

    private List<String> ids(PytestConfig config, List<String> paths, List<String> excludes) {
        return finder.find(config, paths, excludes).units().stream().map(TestUnit::id).toList();
    }

    private List<String> ids(String... paths) {
        return ids(config(), List.of(paths), List.of());
    }

    private List<String> excluding(String... excludes) {
        return ids(config(), List.of(), List.of(excludes));
    }

    private String findError(String path) {
        return assertThrows(SalvoError.class, () -> ids(path)).getMessage();
    }

    // --- which files are test files

    @Test
    void defaultPatternsTakeTestPrefixAndTestSuffixFiles() {
        tree().test("test_login.py", "login_test.py", "helper.py", "conftest.py", "testlogin.py", "test_notes.txt", "test_.pyc");
        assertEquals(List.of("login_test.py", "test_login.py"), ids());
    }

    @Test
    void filesOutsideTheRootdirAreRefusedWithARootdirThatHoldsThemAllAndTheConfigFileKept() {
        tree().file("p/q/pytest.ini", "[pytest]\n").test("p/q/test_q.py", "p/r/test_r.py", "s/test_s.py");
        PytestConfig config = PytestConfigLoader.load(
                List.of(temp.resolve("p/q"), temp.resolve("p/r"), temp.resolve("s")), temp);
        String error = assertThrows(SalvoError.class, () -> ids(config, List.of("p/q", "p/r", "s"), List.of()))
                .getMessage();
        assertEquals("test file " + temp.resolve("p/r/test_r.py") + " is outside pytest's rootdir " + temp.resolve("p/q")
                + " (from " + temp.resolve("p/q/pytest.ini") + "): give pytest a rootdir that holds every test file, "
                + "e.g. -- --rootdir=" + temp + " -c " + temp.resolve("p/q/pytest.ini") + ", or run the paths apart",
                error);
    }

    @Test
    void aRootdirGivenIsNotBlamedOnTheConfigFile() {
        tree().file("pytest.ini", "[pytest]\n").test("tests/sub/test_a.py", "tests/test_b.py");
        PytestConfig config = PytestConfigLoader.load(List.of(temp.resolve("tests")), temp, Optional.empty(),
                Optional.of("tests/sub"));
        String error = assertThrows(SalvoError.class, () -> ids(config, List.of("tests"), List.of())).getMessage();
        assertEquals("test file " + temp.resolve("tests/test_b.py") + " is outside pytest's rootdir "
                + temp.resolve("tests/sub") + ": give pytest a rootdir that holds every test file, e.g. -- --rootdir="
                + temp.resolve("tests") + " -c " + temp.resolve("pytest.ini") + ", or run the paths apart", error);
    }

    @Test
    void pythonFilesSettingReplacesTheDefaults() {
        tree().file("pytest.ini", "[pytest]\npython_files = check_*.py\n").test("check_a.py", "test_b.py");
        assertEquals(List.of("check_a.py"), ids());
    }

    @Test
    void aFileMustEndInPyEvenIfThePatternSaysOtherwise() {
        tree().file("pytest.ini", "[pytest]\npython_files = check_*\n").test("check_a.py", "check_b.txt", "check_c.pyw");
        assertEquals(List.of("check_a.py"), ids());
    }

    @Test
    void aPatternWithASlashMatchesAgainstThePath() {
        tree().file("pytest.ini", "[pytest]\npython_files = unit/*.py\n").test("unit/login.py", "other/login.py");
        assertEquals(List.of("unit/login.py"), ids());
    }

    @Test
    void unitsHaveRootdirRelativeIdsAbsolutePathsAndThePytestAdapter() {
        tree().file("pytest.ini", "[pytest]\n").test("tests/unit/test_b.py", "tests/test_a.py");
        List<TestUnit> units = finder.find(PytestConfigLoader.load(temp.resolve("tests")), List.of(), List.of()).units();
        assertEquals(List.of(
                new TestUnit("tests/test_a.py", temp.resolve("tests/test_a.py"), "pytest"),
                new TestUnit("tests/unit/test_b.py", temp.resolve("tests/unit/test_b.py"), "pytest")), units);
    }

    @Test
    void unitsAreSortedById() {
        tree().test("z/test_a.py", "a/test_z.py", "test_m.py", "a/b/test_a.py");
        assertEquals(List.of("a/b/test_a.py", "a/test_z.py", "test_m.py", "z/test_a.py"), ids());
    }

    @Test
    void overlappingPathsGiveEachFileOnce() {
        tree().test("tests/test_a.py", "tests/test_b.py");
        assertEquals(List.of("tests/test_a.py", "tests/test_b.py"), ids("tests", "tests/test_a.py", "./tests"));
    }

    // --- where to look when no path is given

    @Test
    void withoutPathsTheInvocationDirectoryIsSearched() {
        tree().test("test_top.py", "sub/test_sub.py");
        assertEquals(List.of("sub/test_sub.py", "test_top.py"), ids());
    }

    @Test
    void withoutPathsTestpathsLimitTheSearch() {
        tree().file("pytest.ini", "[pytest]\ntestpaths = tests docs/test_doc.py\n")
                .test("tests/test_a.py", "test_top.py", "docs/test_doc.py", "docs/test_other.py");
        assertEquals(List.of("docs/test_doc.py", "tests/test_a.py"), ids());
    }

    @Test
    void testpathsMayBeGlobs() {
        tree().file("pytest.ini", "[pytest]\ntestpaths = src/*/tests\n")
                .test("src/a/tests/test_a.py", "src/b/tests/test_b.py", "src/b/test_not_under_tests.py", "src/.c/tests/test_hidden.py");
        assertEquals(List.of("src/a/tests/test_a.py", "src/b/tests/test_b.py"), ids());
    }

    @Test
    void testpathsAreIgnoredWhenInvokedBelowRootdirAsPytestDoes() {
        tree().file("pytest.ini", "[pytest]\ntestpaths = tests\n").test("tests/test_a.py", "sub/test_sub.py");
        PytestConfig fromSub = PytestConfigLoader.load(temp.resolve("sub"));
        assertEquals(List.of("sub/test_sub.py"), ids(fromSub, List.of(), List.of()));
    }

    @Test
    void testpathsThatMatchNothingFallBackToTheInvocationDirectoryWithAWarning() {
        tree().file("pytest.ini", "[pytest]\ntestpaths = nowhere\n").test("tests/test_a.py");
        Discovery discovery = finder.find(config(), List.of(), List.of());
        assertEquals(List.of("tests/test_a.py"), discovery.units().stream().map(TestUnit::id).toList());
        assertEquals(List.of("testpaths [nowhere] matched nothing in " + temp + ": searching " + temp + " instead, as pytest does"),
                discovery.warnings());
    }

    @Test
    void givenPathsOverrideTestpaths() {
        tree().file("pytest.ini", "[pytest]\ntestpaths = tests\n").test("tests/test_a.py", "other/test_o.py");
        assertEquals(List.of("other/test_o.py"), ids("other"));
    }

    // --- directories not searched

    @Test
    void defaultNorecursedirsAreSkipped() {
        tree().test("test_kept.py", "build/test_x.py", "dist/test_x.py", ".git/test_x.py", "node_modules/test_x.py",
                "venv/test_x.py", "pkg.egg/test_x.py", "_darcs/test_x.py", "CVS/test_x.py", "{arch}/test_x.py", "sub/build/test_x.py");
        assertEquals(List.of("test_kept.py"), ids());
    }

    @Test
    void norecursedirsSettingReplacesTheDefaults() {
        tree().file("pytest.ini", "[pytest]\nnorecursedirs = fixtures\n").test("build/test_b.py", "fixtures/test_f.py");
        assertEquals(List.of("build/test_b.py"), ids());
    }

    @Test
    void aNorecursedirsPatternWithASlashMatchesAgainstThePath() {
        tree().file("pytest.ini", "[pytest]\nnorecursedirs = tests/data\n").test("tests/data/test_d.py", "data/test_kept.py");
        assertEquals(List.of("data/test_kept.py"), ids());
    }

    @Test
    void aVirtualEnvironmentIsSkippedWhateverItsName() {
        tree().test("env/lib/test_pkg.py", "tests/test_a.py").file("env/pyvenv.cfg", "home = /usr/bin\n");
        assertEquals(List.of("tests/test_a.py"), ids());
    }

    @Test
    void aCondaEnvironmentIsSkipped() {
        tree().test("conda/lib/test_pkg.py", "tests/test_a.py").file("conda/conda-meta/history", "");
        assertEquals(List.of("tests/test_a.py"), ids());
    }

    @Test
    void pycacheIsSkippedEvenWhenNorecursedirsIsEmpty() {
        tree().file("pytest.ini", "[pytest]\nnorecursedirs =\n").test("__pycache__/test_cached.py", "build/test_b.py");
        assertEquals(List.of("build/test_b.py"), ids());
    }

    @Test
    void aDirectoryNamedExplicitlyIsSearchedEvenIfNorecursedirsMatchesIt() {
        tree().test("build/test_b.py", "build/inner/test_i.py", "build/dist/test_d.py");
        assertEquals(List.of("build/inner/test_i.py", "build/test_b.py"), ids("build"));
    }

    // --- paths as given

    @Test
    void aFileNamedExplicitlyIsTakenEvenIfItDoesNotMatchPythonFiles() {
        tree().test("tests/helpers.py", "tests/test_a.py");
        assertEquals(List.of("tests/helpers.py"), ids("tests/helpers.py"));
    }

    @Test
    void aFileNamedExplicitlyMustBeAPythonFile() {
        tree().file("tests/notes.txt", "hello");
        assertEquals("path 'tests/notes.txt' is not a .py file or a directory: pytest collects only Python files",
                findError("tests/notes.txt"));
    }

    @Test
    void anAbsolutePathIsTakenAsItIs() {
        tree().test("tests/test_a.py");
        assertEquals(List.of("tests/test_a.py"), ids(temp.resolve("tests").toString()));
    }

    @Test
    void aDottedPackageNameIsReadAsADirectory() {
        tree().test("factory/core/test_engine.py", "factory/other/test_other.py");
        assertEquals(List.of("factory/core/test_engine.py"), ids("factory.core"));
    }

    @Test
    void aDottedPackageNameIsAlsoTriedFromRootdir() {
        tree().file("pytest.ini", "[pytest]\n").test("factory/core/test_engine.py").dir("docs");
        PytestConfig fromDocs = PytestConfigLoader.load(temp.resolve("docs"));
        assertEquals(List.of("factory/core/test_engine.py"), ids(fromDocs, List.of("factory.core"), List.of()));
    }

    @Test
    void aDottedNameMayNameAModule() {
        tree().test("factory/core/engine_checks.py");
        assertEquals(List.of("factory/core/engine_checks.py"), ids("factory.core.engine_checks"));
    }

    @Test
    void anExistingPathWithDotsIsNotReadAsAPackage() {
        tree().test("v1.2/test_a.py", "v1/2/test_b.py");
        assertEquals(List.of("v1.2/test_a.py"), ids("v1.2"));
    }

    @Test
    void aPathThatExistsInNoFormIsAUsageError() {
        tree().dir("tests");
        assertEquals("path 'factory.cor' does not exist (not a file, directory or package): check the spelling",
                findError("factory.cor"));
    }

    // --- excludes

    @Test
    void anExcludeMatchesAFileName() {
        tree().test("a/test_slow.py", "b/test_slow.py", "b/test_fast.py");
        assertEquals(List.of("b/test_fast.py"), excluding("test_slow.py"));
    }

    @Test
    void anExcludeMatchesARootdirRelativePath() {
        tree().test("a/test_slow.py", "b/test_slow.py");
        assertEquals(List.of("b/test_slow.py"), excluding("a/test_slow.py"));
    }

    @Test
    void anExcludeMatchesADirectoryAndEverythingUnderIt() {
        tree().test("tests/integration/test_db.py", "tests/integration/deep/test_q.py", "tests/integration_helpers/test_h.py", "tests/test_a.py");
        assertEquals(List.of("tests/integration_helpers/test_h.py", "tests/test_a.py"), excluding("tests/integration/"));
    }

    @Test
    void anExcludeMayBeWrittenWithDotSlash() {
        tree().test("tests/test_a.py", "tests/test_b.py");
        assertEquals(List.of("tests/test_b.py"), excluding(" ./tests/test_a.py "));
    }

    @Test
    void excludesThatMatchNothingAreReportedNotRejected() {
        tree().test("tests/test_a.py", "tests/test_b.py");
        Discovery discovery = finder.find(config(), List.of(), List.of("test_a.py", "test_typo.py", "", "gone/"));
        assertEquals(List.of("tests/test_b.py"), discovery.units().stream().map(TestUnit::id).toList());
        assertEquals(List.of("test_typo.py", "gone/"), discovery.unmatchedExcludes());
    }

    // --- symbolic links

    @Test
    void aSymlinkedDirectoryIsFollowed() {
        tree().test("shared/test_shared.py").symlink("tests/linked", "../shared");
        assertEquals(List.of("tests/linked/test_shared.py"), ids("tests"));
    }

    @Test
    void aSymlinkLoopIsWalkedOnce() {
        tree().test("tests/test_a.py", "tests/sub/test_b.py").symlink("tests/sub/back", "..").symlink("tests/sub/self", ".");
        assertEquals(List.of("tests/sub/test_b.py", "tests/test_a.py"), ids("tests"));
    }

    @Test
    void defaultsAreUsableWithoutAConfigFile() {
        tree().test("test_a.py");
        PytestConfig defaults = PytestConfig.defaults(temp);
        assertEquals(Optional.empty(), defaults.configFile());
        assertEquals(List.of("test_a.py"), ids(defaults, List.of(), List.of()));
    }
}
