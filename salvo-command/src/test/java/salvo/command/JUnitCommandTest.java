package salvo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.testing.NoLeftoverProcesses;

/** Commands that write JUnit XML: their test cases become the unit's tests. */
class JUnitCommandTest {
    /** A report with a passing, a failing and a skipped case, one of them in a nested suite. */
    private static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="math" tests="3">
                <testcase classname="pkg.MathTest" name="adds" time="0.25">
                  <system-out>added 1 and 1</system-out>
                </testcase>
                <testcase classname="pkg.MathTest" name="divides" time="0.5">
                  <failure message="expected 2 but was 3" type="AssertionError">at pkg.MathTest.divides(MathTest.java:9)</failure>
                </testcase>
                <testsuite name="slow">
                  <testcase classname="pkg.MathTest" name="factors"><skipped message="later"/></testcase>
                </testsuite>
              </testsuite>
            </testsuites>
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Harness withReport(String report, String exit) throws Exception {
        return new Harness(dir).yaml("commands:\n  - name: suite\n    run: |\n      mkdir -p out\n"
                + "      cat > out/report.xml <<'XML'\n" + report.indent(6) + "      XML\n      " + exit + "\n"
                + "    junit: out/report.xml\n");
    }

    private static TestResult test(UnitResult r, String name) {
        return r.tests().stream().filter(t -> t.node().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theReportsCasesAreTheTestsInTheirSuites() throws Exception {
        Harness h = withReport(REPORT, "exit 1");
        UnitResult r = h.runOne();
        assertEquals(Outcome.FAILED, r.outcome());
        assertNull(r.failure(), "its failing case says why, not its exit status");
        assertEquals(3, r.tests().size());
        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.SKIPPED), r.tests().stream().map(TestResult::outcome).toList());

        TestResult adds = test(r, "adds");
        NodeId math = NodeId.ofUnit("command:suite").child(NodeId.Kind.CONTAINER, "command:suite::math", "math");
        assertEquals(math.child(NodeId.Kind.TEST, "command:suite::math::pkg.MathTest::adds", "adds"), adds.node());
        assertEquals(Duration.ofMillis(250), adds.duration());
        assertEquals("added 1 and 1", adds.output());

        TestResult divides = test(r, "divides");
        assertEquals(FailureKind.ASSERTION, divides.failure().kind());
        assertEquals("expected 2 but was 3", divides.failure().message());
        assertEquals("at pkg.MathTest.divides(MathTest.java:9)", divides.failure().detail());
        assertEquals("math › divides: expected 2 but was 3", r.reason());

        TestResult factors = test(r, "factors");
        assertEquals("command:suite::math::slow::pkg.MathTest::factors", factors.testId());
        assertEquals("math › slow › factors", factors.node().title());
        assertEquals(r.tests(), h.finished());
    }

    @Test
    void theSameIdsComeBackEveryRun() throws Exception {
        List<String> first = withReport(REPORT, "exit 1").runOne().tests().stream().map(TestResult::testId).toList();
        List<String> second = withReport(REPORT, "exit 1").runOne().tests().stream().map(TestResult::testId).toList();
        assertEquals(first, second);
    }

    @Test
    void aNonZeroExitWhileEveryCasePassedStillFails() throws Exception {
        String passing = "<testsuite name=\"s\"><testcase classname=\"c\" name=\"t\"/></testsuite>";
        UnitResult r = withReport(passing, "echo leaked a goroutine; exit 2").runOne();
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals("exited with code 2", r.failure().message());
        assertTrue(r.failure().detail().contains("leaked a goroutine"), r.failure().detail());
        assertEquals(List.of(Outcome.PASSED), r.tests().stream().map(TestResult::outcome).toList());
    }

    @Test
    void errorsAndSurefireRerunsKeepTheirOutcome() throws Exception {
        String report = "<testsuite name=\"s\"><testcase classname=\"c\" name=\"broken\"><error message=\"NPE\">trace</error>"
                + "</testcase><testcase classname=\"c\" name=\"wobbly\"><flakyFailure message=\"once\"/></testcase></testsuite>";
        UnitResult r = withReport(report, "exit 1").runOne();
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(Outcome.ERROR, test(r, "broken").outcome());
        assertEquals("NPE", test(r, "broken").failure().message());
        assertEquals(Outcome.FLAKY, test(r, "wobbly").outcome());
    }

    @Test
    void aMissingReportIsAnErrorNamingItsPath() throws Exception {
        Harness h = new Harness(dir).yaml("commands:\n  - name: suite\n    run: \"true\"\n    junit: out/report.xml\n");
        UnitResult r = h.runOne();
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals("the JUnit report out/report.xml was not written in " + dir + "; check junit: of command suite",
                r.failure().message());
        assertEquals(1, r.tests().size(), "the command still counts as one test");
    }

    @Test
    void aReportLeftFromAnEarlierRunIsNotThisRunsResult() throws Exception {
        Path old = Files.createDirectories(dir.resolve("out")).resolve("report.xml");
        Files.writeString(old, REPORT);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        Harness h = new Harness(dir).yaml("commands:\n  - name: suite\n    run: \"true\"\n    junit: out/report.xml\n");
        UnitResult r = h.runOne();
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.failure().message().contains("only older files from an earlier run match: " + old), r.failure().message());
    }

    @Test
    void anUnreadableReportIsAnErrorNamingItsPath() throws Exception {
        UnitResult r = withReport("<testsuite><testcase name=\"x\">", "exit 0").runOne();
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.failure().message().startsWith("could not read the JUnit report " + dir.resolve("out/report.xml")
                + ": not well-formed XML"), r.failure().message());
    }

    @Test
    void aReportMayNotDeclareADoctype() throws Exception {
        String evil = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite name=\"&e;\"/>";
        UnitResult r = withReport(evil, "exit 0").runOne();
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.failure().message().contains("DOCTYPE"), r.failure().message());
    }

    @Test
    void aGlobReadsEveryFreshReport() throws Exception {
        Harness h = new Harness(dir).yaml("""
                commands:
                  - name: mvn
                    run: |
                      mkdir -p target/surefire-reports
                      echo '<testsuite name="A"><testcase classname="A" name="a"/></testsuite>' > target/surefire-reports/TEST-A.xml
                      echo '<testsuite name="B"><testcase classname="B" name="b"/></testsuite>' > target/surefire-reports/TEST-B.xml
                      echo 'not a report' > target/surefire-reports/notes.txt
                    junit: target/surefire-reports/*.xml
                """);
        UnitResult r = h.runOne();
        assertEquals(Outcome.PASSED, r.outcome(), String.valueOf(r.failure()));
        assertEquals(List.of("command:mvn::A::A::a", "command:mvn::B::B::b"), r.tests().stream().map(TestResult::testId).toList());
    }

    @Test
    void aCrashKeepsTheCasesItReportedButCrashes() throws Exception {
        String passing = "<testsuite name=\"s\"><testcase classname=\"c\" name=\"t\"/></testsuite>";
        UnitResult r = withReport(passing, "kill -SEGV $$").runOne();
        assertEquals(Outcome.CRASHED, r.outcome());
        assertEquals(FailureKind.CRASH, r.failure().kind());
        assertEquals(1, r.tests().size());
    }
}
