package salvo.pytest.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void patternWithoutSlashMatchesTheNameOnly() {
        PathPattern build = PathPattern.of("build");
        assertTrue(build.matches(Path.of("/project/src/build")));
        assertFalse(build.matches(Path.of("/project/build/src")));
    }

    @Test
    void relativePatternWithSlashMatchesTheEndOfThePathAtAnyDepth() {
        PathPattern fixtures = PathPattern.of("tests/fixtures");
        assertTrue(fixtures.matches(Path.of("/project/tests/fixtures")));
        assertTrue(fixtures.matches(Path.of("/project/sub/tests/fixtures")));
        assertFalse(fixtures.matches(Path.of("/project/other/fixtures")));
        assertFalse(fixtures.matches(Path.of("/project/tests/fixtures2")));
    }

    @Test
    void absolutePatternMatchesTheWholePath() {
        PathPattern absolute = PathPattern.of("/project/tests/*");
        assertTrue(absolute.matches(Path.of("/project/tests/data")));
        assertFalse(absolute.matches(Path.of("/elsewhere/project/tests/data")));
    }
}
