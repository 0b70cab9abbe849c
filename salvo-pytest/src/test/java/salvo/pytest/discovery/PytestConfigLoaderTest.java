package salvo.pytest.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.error.SalvoError;

class PytestConfigLoaderTest {
    @TempDir
    Path temp;

    private ProjectTree tree() {
        return new ProjectTree(temp);
    }

    private PytestConfig load(String startDir) {
        return PytestConfigLoader.load(temp.resolve(startDir));
    }

    private String loadError(String startDir) {
        return assertThrows(SalvoError.class, () -> load(startDir)).getMessage();
    }

    @Test
    void withoutConfigFileTheStartDirIsRootdirAndDefaultsApply() {
        tree().dir("project");
        PytestConfig config = load("project");
        assertEquals(temp.resolve("project"), config.rootdir());
        assertEquals(Optional.empty(), config.configFile());
        assertEquals(List.of("test_*.py", "*_test.py"), config.pythonFiles());
        assertEquals(List.of(), config.testpaths());
        assertEquals(List.of("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}"),
                config.norecursedirs());
    }

    @Test
    void readsPytestIni() {
        tree().file("pytest.ini", "[pytest]\npython_files = check_*.py\ntestpaths = tests\nnorecursedirs = fixtures\n");
        PytestConfig config = load("");
        assertEquals(Optional.of(temp.resolve("pytest.ini")), config.configFile());
        assertEquals(List.of("check_*.py"), config.pythonFiles());
        assertEquals(List.of("tests"), config.testpaths());
        assertEquals(List.of("fixtures"), config.norecursedirs());
    }

    @Test
    void pytestIniWinsEvenWithoutAPytestSection() {
        tree().file("pytest.ini", "[other]\nx = 1\n").file("tox.ini", "[pytest]\npython_files = tox_*.py\n");
        PytestConfig config = load("");
        assertEquals(Optional.of(temp.resolve("pytest.ini")), config.configFile());
        assertEquals(PytestConfig.DEFAULT_PYTHON_FILES, config.pythonFiles());
    }

    @Test
    void readsDotPytestIni() {
        tree().file(".pytest.ini", "[pytest]\npython_files = hidden_*.py\n");
        assertEquals(List.of("hidden_*.py"), load("").pythonFiles());
    }

    @Test
    void readsPyprojectIniOptions() {
        tree().file("pyproject.toml", "[project]\nname = 'x'\n\n[tool.pytest.ini_options]\ntestpaths = ['tests', 'integration']\n");
        PytestConfig config = load("");
        assertEquals(Optional.of(temp.resolve("pyproject.toml")), config.configFile());
        assertEquals(List.of("tests", "integration"), config.testpaths());
    }

    @Test
    void readsToxIniPytestSection() {
        tree().file("tox.ini", "[tox]\nenvlist = py311\n\n[pytest]\npython_files = tox_*.py\n");
        assertEquals(List.of("tox_*.py"), load("").pythonFiles());
    }

    @Test
    void readsSetupCfgToolPytestSection() {
        tree().file("setup.cfg", "[metadata]\nname = x\n\n[tool:pytest]\npython_files = cfg_*.py\n");
        assertEquals(List.of("cfg_*.py"), load("").pythonFiles());
    }

    @Test
    void readsPytestToml() {
        tree().file("pytest.toml", "[pytest]\npython_files = ['spec_*.py']\n");
        assertEquals(List.of("spec_*.py"), load("").pythonFiles());
    }

    @Test
    void readsPyprojectNativeToolPytestTable() {
        tree().file("pyproject.toml", "[tool.pytest]\nnorecursedirs = ['data', 'docs']\n");
        assertEquals(List.of("data", "docs"), load("").norecursedirs());
    }

    @Test
    void filesWithoutPytestSettingsAreNotConfigFiles() {
        tree().file("tox.ini", "[tox]\nenvlist = py311\n")
                .file("setup.cfg", "[metadata]\nname = x\n")
                .file("pyproject.toml", "[tool.black]\nline-length = 100\n")
                .file("sub/pyproject.toml", "[tool.black]\nline-length = 100\n")
                .file("pytest.ini", "[pytest]\n");
        // Nothing in sub/ or in temp's tox.ini/setup.cfg/pyproject counts, but pytest.ini does and is checked first.
        assertEquals(Optional.of(temp.resolve("pytest.ini")), load("sub").configFile());
    }

    @Test
    void inOneDirectoryPytestOrderDecides() {
        // Each file names itself in python_files, so the settings show which file was read.
        ProjectTree tree = tree()
                .file("pytest.toml", "[pytest]\npython_files = ['pytest.toml']\n")
                .file(".pytest.toml", "[pytest]\npython_files = ['.pytest.toml']\n")
                .file("pytest.ini", "[pytest]\npython_files = pytest.ini\n")
                .file(".pytest.ini", "[pytest]\npython_files = .pytest.ini\n")
                .file("pyproject.toml", "[tool.pytest.ini_options]\npython_files = 'pyproject.toml'\n")
                .file("tox.ini", "[pytest]\npython_files = tox.ini\n")
                .file("setup.cfg", "[tool:pytest]\npython_files = setup.cfg\n");
        List<String> order = List.of("pytest.toml", ".pytest.toml", "pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg");
        for (String name : order) {
            PytestConfig config = load("");
            assertEquals(Optional.of(temp.resolve(name)), config.configFile(), "with " + name + " and those after it present");
            assertEquals(List.of(name), config.pythonFiles());
            tree.delete(name);
        }
        assertEquals(Optional.empty(), load("").configFile());
    }

    @Test
    void theNearestDirectoryWithAConfigWinsOverABetterKindFurtherUp() {
        tree().file("pytest.ini", "[pytest]\n").file("pkg/setup.cfg", "[tool:pytest]\npython_files = near_*.py\n").dir("pkg/tests/unit");
        PytestConfig config = load("pkg/tests/unit");
        assertEquals(temp.resolve("pkg"), config.rootdir());
        assertEquals(temp.resolve("pkg/tests/unit"), config.invocationDir());
        assertEquals(List.of("near_*.py"), config.pythonFiles());
    }

    @Test
    void aPyprojectWithoutPytestSettingsMarksRootdirWhenNothingElseIsFound() {
        tree().file("pyproject.toml", "[project]\nname = 'x'\n").dir("tests");
        PytestConfig config = load("tests");
        assertEquals(temp, config.rootdir());
        assertEquals(PytestConfig.DEFAULT_PYTHON_FILES, config.pythonFiles());
    }

    @Test
    void aSetupPyMarksRootdirWhenNoConfigFileIsFound() {
        tree().file("setup.py", "from setuptools import setup\n").dir("tests");
        assertEquals(temp, load("tests").rootdir());
    }

    @Test
    void iniValuesMayContinueOnIndentedLines() {
        tree().file("pytest.ini", "[pytest]\npython_files =\n    test_*.py\n    check_*.py  spec_*.py\ntestpaths = a\n  b\n");
        PytestConfig config = load("");
        assertEquals(List.of("test_*.py", "check_*.py", "spec_*.py"), config.pythonFiles());
        assertEquals(List.of("a", "b"), config.testpaths());
    }

    @Test
    void iniValuesMayQuoteAWordWithSpaces() {
        tree().file("pytest.ini", "[pytest]\ntestpaths = 'my tests' other\n");
        assertEquals(List.of("my tests", "other"), load("").testpaths());
    }

    @Test
    void aTomlStringIsSplitIntoWordsLikeAnIniValue() {
        tree().file("pyproject.toml", "[tool.pytest.ini_options]\npython_files = \"test_*.py check_*.py\"\n");
        assertEquals(List.of("test_*.py", "check_*.py"), load("").pythonFiles());
    }

    @Test
    void aTomlArrayIsTakenItemByItem() {
        tree().file("pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"my tests\", \"other\"]\n");
        assertEquals(List.of("my tests", "other"), load("").testpaths());
    }

    @Test
    void aTomlArrayMustHoldStrings() {
        tree().file("pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\", 3]\n");
        assertEquals(temp.resolve("pyproject.toml") + ": testpaths in [tool.pytest.ini_options] must be an array of strings,"
                + " not hold 3; fix it or remove it", loadError(""));
    }

    @Test
    void theNativeToolPytestTableWantsArraysAsPytest9Does() {
        tree().file("pyproject.toml", "[tool.pytest]\npython_files = \"check_*.py\"\n");
        assertEquals(temp.resolve("pyproject.toml") + ": python_files in [tool.pytest] must be an array of strings; fix it or remove it",
                loadError(""));
    }

    @Test
    void malformedIniNamesFileAndLine() {
        tree().file("tox.ini", "[tox]\nenvlist = py311\n[pytest]\npython_files test_*.py\n");
        assertEquals(temp.resolve("tox.ini") + ":4: unexpected line: 'python_files test_*.py'; fix it or remove it", loadError(""));
    }

    @Test
    void malformedIniIsAnErrorEvenIfItHasNoPytestSection() {
        // pytest parses every candidate it meets on the way up, so it would stop here too.
        tree().file("setup.cfg", "[metadata]\n  orphan continuation\n");
        String message = loadError("");
        assertTrue(message.startsWith(temp.resolve("setup.cfg") + ":2: "), message);
    }

    @Test
    void unclosedQuoteInIniNamesTheKeysLine() {
        tree().file("pytest.ini", "[pytest]\naddopts = -ra\ntestpaths = 'tests\n");
        assertEquals(temp.resolve("pytest.ini") + ":3: testpaths: no closing quotation ('); fix it or remove it", loadError(""));
    }

    @Test
    void malformedTomlNamesFileAndLine() {
        tree().file("pyproject.toml", "[project]\nname = 'x'\n\n[tool.pytest.ini_options\ntestpaths = ['tests']\n");
        String message = loadError("");
        assertTrue(message.startsWith(temp.resolve("pyproject.toml") + ":4: not valid TOML ("), message);
        assertTrue(message.endsWith("; fix it or remove it"), message);
    }

    @Test
    void aPytestSectionInSetupCfgIsRejectedAsPytestDoes() {
        tree().file("setup.cfg", "[metadata]\nname = x\n[pytest]\ntestpaths = tests\n");
        assertEquals(temp.resolve("setup.cfg") + ":3: pytest no longer reads a [pytest] section in setup.cfg, it must be"
                + " [tool:pytest]; fix it or remove it", loadError(""));
    }

    @Test
    void bothToolPytestTablesAtOnceAreRejected() {
        tree().file("pyproject.toml", "[tool.pytest]\ntestpaths = ['a']\n[tool.pytest.ini_options]\ntestpaths = 'b'\n");
        assertTrue(loadError("").startsWith(temp.resolve("pyproject.toml") + ": [tool.pytest] and [tool.pytest.ini_options] cannot both be used"));
    }

    @Test
    void withPathsInSeveralDirectoriesEachIsSearchedWhenTheirAncestorFindsNothing() {
        tree().file("a/pytest.ini", "[pytest]\npython_files = check_*.py\n").dir("b");
        PytestConfig config = PytestConfigLoader.load(List.of(temp.resolve("b"), temp.resolve("a")), temp);
        assertEquals(temp.resolve("a"), config.rootdir());
        assertEquals(List.of("check_*.py"), config.pythonFiles());
    }

    @Test
    void withARootdirGivenOnlyTheSearchUpFromThePathsAncestorIsMade() {
        tree().file("a/pytest.ini", "[pytest]\npython_files = check_*.py\n").dir("b");
        PytestConfig config = PytestConfigLoader.load(List.of(temp.resolve("a"), temp.resolve("b")), temp,
                Optional.empty(), Optional.of("."));
        assertEquals(temp, config.rootdir());
        assertEquals(Optional.empty(), config.configFile());
        assertEquals(PytestConfig.DEFAULT_PYTHON_FILES, config.pythonFiles());
    }

    @Test
    void variablesInTheRootdirAreExpandedAsPytestExpandsThemAndUnsetOnesStay() {
        Map<String, String> environment = Map.of("HOME", "/home/a", "W", "w$1");
        assertEquals("/home/a/x/w$1/$NOPE/${NOPE}", PytestConfigLoader.expandVariables(
                "${HOME}/x/$W/$NOPE/${NOPE}", environment));
        assertEquals("$", PytestConfigLoader.expandVariables("$", environment));
    }

    @Test
    void anEmptyRootdirIsNoneAsInPytest() {
        tree().file("sub/pytest.ini", "[pytest]\n");
        PytestConfig config = PytestConfigLoader.load(List.of(temp.resolve("sub")), temp, Optional.empty(),
                Optional.of(""));
        assertEquals(temp.resolve("sub"), config.rootdir());
    }

    @Test
    void aSetupPyAboveThePathsWinsOverAConfigFileBelowTheirAncestor() {
        tree().file("setup.py", "").file("a/pytest.ini", "[pytest]\n").dir("b");
        PytestConfig config = PytestConfigLoader.load(List.of(temp.resolve("a"), temp.resolve("b")), temp);
        assertEquals(temp, config.rootdir());
        assertEquals(Optional.empty(), config.configFile());
    }

    @Test
    void aStartDirectoryThatDoesNotExistIsAUsageError() {
        assertEquals("directory '" + temp.resolve("nope") + "' does not exist: run from a project directory", loadError("nope"));
    }
}
