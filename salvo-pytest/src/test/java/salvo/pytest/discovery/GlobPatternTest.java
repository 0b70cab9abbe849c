package salvo.pytest.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobPatternTest {

    private static boolean matches(String pattern, String name) {
        return GlobPattern.compile(pattern).matches(name);
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        assertTrue(matches("test_*.py", "test_login.py"));
        assertTrue(matches("test_*.py", "test_.py"));
        assertFalse(matches("test_*.py", "tests_login.py"));
    }

    @Test
    void dotIsLiteral() {
        assertFalse(matches("test_*.py", "test_apy"));
        assertFalse(matches("test_*.py", "test_a_py"));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(matches("test_?.py", "test_a.py"));
        assertFalse(matches("test_?.py", "test_.py"));
        assertFalse(matches("test_?.py", "test_ab.py"));
    }

    @Test
    void setMatchesOneMemberOrRange() {
        assertTrue(matches("test_[ab].py", "test_b.py"));
        assertFalse(matches("test_[ab].py", "test_c.py"));
        assertTrue(matches("test_[0-9].py", "test_7.py"));
        assertFalse(matches("test_[0-9].py", "test_x.py"));
    }

    @Test
    void negatedSetMatchesAnyOtherCharacter() {
        assertTrue(matches("[!x]*.py", "a.py"));
        assertFalse(matches("[!x]*.py", "x.py"));
        assertFalse(matches("[!x]*.py", "xa.py"));
    }

    @Test
    void unclosedBracketIsLiteral() {
        assertTrue(matches("test_[a.py", "test_[a.py"));
        assertFalse(matches("test_[a.py", "test_a.py"));
    }

    @Test
    void starMatchesSlashesAndLeadingDots() {
        assertTrue(matches("*", ".hidden"));
        assertTrue(matches("*", "a/b"));
    }

    @Test
    void matchingIsCaseSensitive() {
        assertFalse(matches("test_*.py", "Test_a.py"));
    }

    @Test
    void backslashIsNotAnEscape() {
        assertTrue(matches("a\\*", "a\\xyz"));
        assertFalse(matches("a\\*", "a*"));
    }

    @Test
    void keepsThePatternAsItsText() {
        assertEquals("test_[ab]*.py", GlobPattern.compile("test_[ab]*.py").toString());
    }

    /** Expected answers printed by Python 3.11's fnmatch.fnmatch(name, pattern) on POSIX. */
    @ParameterizedTest(name = "fnmatch(\"{1}\", \"{0}\") == {2}")
    @CsvSource(delimiter = '|', textBlock = """
            []]         | ]          | true
            [!]]        | a          | true
            [!]]        | ]          | false
            [z-a]       | m          | false
            [z-a]       | z          | false
            [!z-a]      | m          | true
            [a-]        | -          | true
            [-a]        | -          | true
            [a-c-e]     | -          | true
            [a-c-e]     | d          | false
            *a*b        | xaxxb      | true
            a*a         | a          | false
            a*a         | aa         | true
            ''          | ''         | true
            ''          | a          | false
            *.py        | ü.py       | true
            ?.py        | ü.py       | true
            [!.]*       | .x         | false
            *.egg       | x.egg      | true
            .*          | .git       | true
            .*          | x.git      | false
            {arch}      | {arch}     | true
            [[]x        | [x         | true
            [^a]        | b          | false
            [^a]        | ^          | true
            """)
    void answersAsPythonFnmatchDoes(String pattern, String name, boolean expected) {
        assertEquals(expected, matches(pattern, name));
    }
}
