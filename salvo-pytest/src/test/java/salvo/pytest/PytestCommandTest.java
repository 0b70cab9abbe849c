package salvo.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PytestCommandTest {
    @Test
    void runCarriesEveryOptionAndEndsWithTheFilesAfterADoubleDash() {
        PytestOptions o = new PytestOptions("py", "not integration", Duration.ofSeconds(300), Duration.ofMillis(2500),
                Duration.ofSeconds(5), true, true);
        assertEquals(List.of("py", "-m", "pytest", "-p", "salvo_pytest.plugin", "-p", "no:cacheprovider", "--color=no",
                        "-m", "not integration", "--salvo-test-timeout=2.5", "-v", "-x", "--", "-odd-name.py"),
                PytestCommand.run(o, List.of("-odd-name.py")));
    }

    @Test
    void emptyMarkerAndNoTimeoutAddNothing() {
        PytestOptions o = new PytestOptions("py", "", Duration.ofSeconds(300), Duration.ZERO, Duration.ofSeconds(5),
                false, false);
        assertEquals(List.of("py", "-m", "pytest", "-p", "salvo_pytest.plugin", "-p", "no:cacheprovider", "--color=no",
                "-q", "--", "a.py"), PytestCommand.run(o, List.of("a.py")));
    }
}
