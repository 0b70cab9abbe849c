package salvo.pytest.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import salvo.error.SalvoError;

class IniFileTest {
    private static final Path SOURCE = Path.of("/project/tox.ini");

    private static IniFile.Entry entry(String text, String section, String key) {
        return IniFile.parse(text, SOURCE).section(section).orElseThrow().entries().get(key);
    }

    private static String errorOf(String text) {
        return assertThrows(SalvoError.class, () -> IniFile.parse(text, SOURCE)).getMessage();
    }

    @Test
    void readsKeysWrittenWithEqualsOrColon() {
        String text = "[pytest]\naddopts = -ra\ntestpaths: tests\n";
        assertEquals("-ra", entry(text, "pytest", "addopts").value());
        assertEquals("tests", entry(text, "pytest", "testpaths").value());
    }

    @Test
    void keepsSectionsApart() {
        IniFile ini = IniFile.parse("[tox]\nenvlist = py311\n[pytest]\nxfail_strict = true\n", SOURCE);
        assertTrue(ini.section("tox").orElseThrow().entries().containsKey("envlist"));
        assertEquals(java.util.Set.of("xfail_strict"), ini.section("pytest").orElseThrow().entries().keySet());
    }

    @Test
    void joinsIndentedContinuationLinesWithNewlines() {
        String text = "[pytest]\npython_files =\n    test_*.py\n\n    # not part of it\n\tcheck_*.py\nother = 1\n";
        IniFile.Entry files = entry(text, "pytest", "python_files");
        assertEquals("test_*.py\ncheck_*.py", files.value());
        assertEquals(2, files.line());
    }

    @Test
    void skipsWholeLineCommentsButKeepsAHashAfterAValue() {
        String text = "# top\n[pytest]\n; note\n  # indented note\nmarkers = slow # not a comment\n";
        assertEquals("slow # not a comment", entry(text, "pytest", "markers").value());
    }

    @Test
    void rejectsAKeyBeforeAnySection() {
        assertEquals("/project/tox.ini:2: no section header defined; fix it or remove it", errorOf("\naddopts = -ra\n"));
    }

    @Test
    void rejectsALineThatIsNeitherHeaderNorKeyNorContinuation() {
        assertEquals("/project/tox.ini:3: unexpected line: 'just words'; fix it or remove it",
                errorOf("[pytest]\naddopts = -ra\njust words\n"));
    }

    @Test
    void rejectsAContinuationWithNoKeyToContinue() {
        assertEquals("/project/tox.ini:2: unexpected value continuation; fix it or remove it", errorOf("[pytest]\n    tests\n"));
    }

    @Test
    void rejectsADuplicateSection() {
        assertEquals("/project/tox.ini:3: duplicate section 'pytest'; fix it or remove it", errorOf("[pytest]\n[tox]\n[pytest]\n"));
    }

    @Test
    void rejectsADuplicateKey() {
        assertEquals("/project/tox.ini:3: duplicate name 'testpaths'; fix it or remove it",
                errorOf("[pytest]\ntestpaths = a\ntestpaths = b\n"));
    }
}
