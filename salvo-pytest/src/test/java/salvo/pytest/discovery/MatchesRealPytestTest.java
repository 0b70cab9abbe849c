package salvo.pytest.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.TestUnit;

/**
 * Runs the real {@code python3 -m pytest --collect-only} on trees that exercise discovery's rules
 * and checks that Salvo finds the same files with the same ids. Skipped where pytest is missing.
 */
class MatchesRealPytestTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void requirePytest() {
        assumeTrue(pytestAvailable(), "python3 -m pytest is not available here");
    }

    @Test
    void defaultsAgreeWithPytest() {
        new ProjectTree(temp)
                .test("test_top.py", "tests/test_a.py", "tests/unit/b_test.py", "tests/helpers.py", "tests/test_notes.txt")
                .test("build/test_build.py", ".hidden/test_h.py", "node_modules/test_n.py", "pkg.egg/test_e.py")
                .test("env/test_venv.py").file("env/pyvenv.cfg", "")
                .test("tests/__pycache__/test_cached.py")
                .test("shared/test_shared.py").symlink("tests/linked", "../shared");
        assertSameFiles(temp);
    }

    @Test
    void iniSettingsAgreeWithPytest() {
        new ProjectTree(temp)
                .file("tox.ini", "[tox]\nenvlist = py311\n\n[pytest]\n# comment\npython_files =\n    check_*.py\n\n    test_[!x]*.py\n"
                        + "norecursedirs = fixtures 'odd dir'\ntestpaths = src/*/tests\n")
                .test("src/a/tests/check_one.py", "src/a/tests/test_ok.py", "src/a/tests/test_xfail.py", "src/a/tests/test_.py")
                .test("src/b/tests/fixtures/check_fixture.py", "src/b/tests/odd dir/check_odd.py", "src/b/tests/build/check_build.py")
                .test("src/b/check_outside_testpaths.py", "check_top.py");
        assertSameFiles(temp);
    }

    @Test
    void rootdirFromAPyprojectWithoutPytestSettingsAgreesWithPytest() {
        new ProjectTree(temp)
                .file("pyproject.toml", "[project]\nname = 'demo'\n")
                .test("pkg/tests/test_a.py", "pkg/tests/deep/test_b.py");
        assertSameFiles(temp.resolve("pkg/tests"));
    }

    @Test
    void tomlSettingsAndExplicitPathsAgreeWithPytest() {
        new ProjectTree(temp)
                .file("pyproject.toml", "[tool.pytest.ini_options]\npython_files = ['spec_*.py', '*_spec.py']\n")
                .test("a/spec_one.py", "a/two_spec.py", "a/test_default_pattern.py", "b/helpers.py", "b/spec_b.py", "build/spec_built.py");
        assertSameFiles(temp, "a", "b/helpers.py", "build");
    }

    /** Without a config file, pytest's rootdir is what the invocation directory and the paths share. */
    @Test
    void pathsBelowAProjectWithoutConfigFilesAgreeWithPytest() {
        new ProjectTree(temp).test("tests/test_a.py", "tests/deep/test_b.py", "other/test_c.py");
        assertSameFiles(temp, List.of(temp.resolve("tests")), "tests");
        assertSameFiles(temp.resolve("other"), List.of(temp.resolve("tests")), "../tests");
    }

    /** With paths in several directories, pytest also looks for a config file up from each of them. */
    @Test
    void aConfigFileBelowThePathsCommonAncestorIsFoundAsPytestFindsIt() {
        new ProjectTree(temp)
                .file("a/pytest.ini", "[pytest]\npython_files = check_*.py\n")
                .test("a/check_one.py", "a/test_default_pattern.py")
                .dir("b");
        assertSameFiles(temp, List.of(temp.resolve("a"), temp.resolve("b")), "a", "b");
    }

    private void assertSameFiles(Path invocationDir, String... paths) {
        assertSameFiles(invocationDir, List.of(invocationDir), paths);
    }

    /** {@code dirs}: the paths' directories, where pytest's search for its rootdir starts. */
    private void assertSameFiles(Path invocationDir, List<Path> dirs, String... paths) {
        List<String> expected = collectedByPytest(invocationDir, paths);
        assertFalse(expected.isEmpty(), "pytest collected nothing: the tree is not a useful comparison");
        List<String> found = new TestFileFinder()
                .find(PytestConfigLoader.load(dirs, invocationDir), List.of(paths), List.of())
                .units().stream().map(TestUnit::id).toList();
        assertEquals(expected, found);
    }

    /** The files in pytest's collected node ids, which are rootdir-relative like Salvo's unit ids. */
    private static List<String> collectedByPytest(Path invocationDir, String... paths) {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"));
        command.addAll(List.of(paths));
        String output = run(invocationDir, command);
        return output.lines()
                .filter(line -> line.contains("::"))
                .map(line -> line.substring(0, line.indexOf("::")))
                .distinct()
                .sorted()
                .toList();
    }

    private static boolean pytestAvailable() {
        try {
            run(Path.of("."), List.of("python3", "-m", "pytest", "--version"));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String run(Path dir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1");
        builder.environment().remove("PYTEST_ADDOPTS");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }
}
