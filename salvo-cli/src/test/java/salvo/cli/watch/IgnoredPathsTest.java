package salvo.cli.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoredPathsTest {
    private final IgnoredPaths ignored = new IgnoredPaths(List.of(Path.of("/p/store"), Path.of("/p/out/report.xml")));

    @Test
    void leavesOutSalvosOwnOutputs() {
        assertTrue(ignored.test(Path.of("/p/store")));
        assertTrue(ignored.test(Path.of("/p/store/salvo.db-wal")));
        assertTrue(ignored.test(Path.of("/p/out/report.xml")));
        assertFalse(ignored.test(Path.of("/p/out/other.xml")));
    }

    @Test
    void leavesOutCachesVersionControlAndEditorFiles() {
        for (String name : List.of(".git", ".salvo", ".mypy_cache", "__pycache__", "mod.cpython-311.pyc", "mod.pyo",
                ".test_a.py.swp", "test_a.py.swx", "test_a.py~", ".#test_a.py", "#test_a.py#", "4913",
                "test_a.py___jb_tmp___")) {
            assertTrue(ignored.test(Path.of("/p/tests", name)), name);
        }
    }

    @Test
    void keepsCodeTestsAndData() {
        for (String name : List.of("test_a.py", "conftest.py", "salvo.yaml", "pyproject.toml", "data.json", "Makefile")) {
            assertFalse(ignored.test(Path.of("/p/tests", name)), name);
        }
    }
}
