package salvo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import salvo.model.NodeId;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.run;
import static salvo.model.RunBuilder.seconds;
import static salvo.model.RunBuilder.test;
import static salvo.model.RunBuilder.unitResult;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.TestResult;

class JUnitXmlReportTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Element testcase(Document doc, String name) {
        return elements(doc.getDocumentElement(), "testcase").stream()
                .filter(e -> e.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no testcase " + name));
    }

    private static String counts(Element e) {
        return e.getAttribute("tests") + "/" + e.getAttribute("failures") + "/" + e.getAttribute("errors") + "/"
                + e.getAttribute("skipped");
    }

    private static RunRecord mixed() {
        String a = "tests/test_a.py";
        return run("20261123_101502_123").id(12)
                .unit(a, new TestResult(NodeId.ofUnit(a).child(NodeId.Kind.CONTAINER, a + "::TestK", "TestK")
                                .child(NodeId.Kind.TEST, a + "::TestK::test_x[1]", "test_x[1]"), Outcome.FAILED, seconds(0.25),
                                new Failure(FailureKind.ASSERTION, "assert 1 == 2 <&> \"q\"", "Traceback <here> & ]]> there"),
                                "printed\nlines", 1),
                        test(a, "test_ok", Outcome.PASSED, 1.5),
                        test(a, "test_err", Outcome.ERROR, 0.1),
                        test(a, "test_skip", Outcome.SKIPPED, 0),
                        test(a, "test_xfail", Outcome.XFAILED, 0.1),
                        test(a, "test_xpass", Outcome.XPASSED, 0.1),
                        test(a, "test_slow", Outcome.TIMEOUT, 30),
                        test(a, "test_boom", Outcome.CRASHED, 2),
                        test(a, "test_flaky", Outcome.FLAKY, 0.5))
                .unit(unitResult("tests/test_broken.py", Outcome.ERROR, seconds(0.3),
                        Failure.of(FailureKind.COLLECTION, "SyntaxError: invalid syntax")))
                .unit("pkg/FooTest", new TestResult(NodeId.ofUnit("pkg/FooTest").child(NodeId.Kind.TEST, "com.example.FooTest#bar()", "bar()"), Outcome.PASSED,
                        seconds(0.01), null, "", 1))
                .build();
    }

    @Test
    void parsesAndCountsEachSuiteAndTheWhole() throws Exception {
        Document doc = parse(JUnitXmlReport.render(mixed()));

        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("11/3/2/2", counts(root));
        List<Element> suites = elements(root, "testsuite");
        assertEquals(List.of("tests/test_a.py", "tests/test_broken.py", "pkg/FooTest"),
                suites.stream().map(s -> s.getAttribute("name")).toList());
        assertEquals("9/3/1/2", counts(suites.get(0)));
        assertEquals("1/0/1/0", counts(suites.get(1)));
        assertEquals("1/0/0/0", counts(suites.get(2)));
        assertEquals("34.550", suites.get(0).getAttribute("time"));
        assertEquals("2026-11-23T10:15:02", suites.get(0).getAttribute("timestamp"));
    }

    @Test
    void testcasesGetPytestStyleClassnamesAndTheRightChildren() throws Exception {
        Document doc = parse(JUnitXmlReport.render(mixed()));

        Element x = testcase(doc, "test_x[1]");
        assertEquals("tests.test_a.TestK", x.getAttribute("classname"));
        assertEquals("0.250", x.getAttribute("time"));
        Element failure = elements(x, "failure").get(0);
        assertEquals("ASSERTION", failure.getAttribute("type"));
        assertEquals("assert 1 == 2 <&> \"q\"", failure.getAttribute("message"));
        assertEquals("Traceback <here> & ]]> there", failure.getTextContent());
        assertEquals("printed\nlines", elements(x, "system-out").get(0).getTextContent());

        assertEquals("tests.test_a", testcase(doc, "test_ok").getAttribute("classname"));
        assertEquals(0, testcase(doc, "test_ok").getChildNodes().getLength());
        assertEquals(1, elements(testcase(doc, "test_err"), "error").size());
        assertEquals(1, elements(testcase(doc, "test_skip"), "skipped").size());
        assertEquals("expected failure", elements(testcase(doc, "test_xfail"), "skipped").get(0).getAttribute("message"));
        assertEquals(0, testcase(doc, "test_xpass").getElementsByTagName("*").getLength());
        assertEquals(1, elements(testcase(doc, "test_slow"), "failure").size());
        assertEquals(1, elements(testcase(doc, "test_boom"), "failure").size());

        Element flaky = testcase(doc, "test_flaky");
        assertEquals(0, elements(flaky, "failure").size());
        Element note = elements(flaky, "flakyFailure").get(0);
        assertEquals("assert test_flaky", note.getAttribute("message"));
        assertEquals("Traceback of test_flaky", elements(note, "stackTrace").get(0).getTextContent());

        Element junit = testcase(doc, "bar()");
        assertEquals("pkg.FooTest", junit.getAttribute("classname"));
    }

    @Test
    void aUnitThatFailedWithoutTestsIsATestcaseOfItsOwn() throws Exception {
        Document doc = parse(JUnitXmlReport.render(mixed()));

        Element broken = testcase(doc, "tests/test_broken.py");
        assertEquals("tests.test_broken", broken.getAttribute("classname"));
        Element error = elements(broken, "error").get(0);
        assertEquals("COLLECTION", error.getAttribute("type"));
        assertEquals("SyntaxError: invalid syntax", error.getAttribute("message"));
    }

    @Test
    void aUnitThatTimedOutAfterItsTestsPassedStillFails() throws Exception {
        RunRecord run = run("r").unit(unitResult("hang.py", Outcome.TIMEOUT, seconds(60), null,
                test("hang.py", "t", Outcome.PASSED, 1))).build();

        Document doc = parse(JUnitXmlReport.render(run));

        assertEquals("2/1/0/0", counts(doc.getDocumentElement()));
        assertEquals("TIMEOUT", elements(testcase(doc, "hang.py"), "failure").get(0).getAttribute("type"));
    }

    @Test
    void charactersXmlCannotHoldAreDroppedAndTheRestKept() throws Exception {
        String dirty = "nul\u0000 bell\u0007 esc\u001B[31mred\u001B[0m lone\uD800 reversed\uDC00x nonchar\uFFFE"
                + " kept: tab\t é ✔ 😀 end";
        RunRecord run = run("r").unit("a.py", new TestResult(NodeId.flat("a.py", "a.py::test_dirty\u0001"), Outcome.FAILED, seconds(1),
                new Failure(FailureKind.OTHER, dirty, dirty), dirty, 1)).build();

        Document doc = parse(JUnitXmlReport.render(run));

        String clean = "nul bell escred lone reversedx nonchar kept: tab\t é ✔ 😀 end";
        Element testcase = testcase(doc, "test_dirty");
        assertEquals(clean, elements(testcase, "failure").get(0).getTextContent());
        assertEquals(clean.replace('\t', ' '), elements(testcase, "failure").get(0).getAttribute("message"));
        assertEquals(clean, elements(testcase, "system-out").get(0).getTextContent());
    }

    @Test
    void legalKeepsSurrogatePairsAndDropsLoneHalves() {
        assertEquals("a😀b", XmlText.legal("a😀b"));
        assertEquals("ab", XmlText.legal("a\uD83Db"));
        assertEquals("ab", XmlText.legal("a\uDE00b"));
        assertEquals("ab", XmlText.legal("a\uFFFFb\u0008"));
        String clean = "plain";
        assertTrue(clean == XmlText.legal(clean), "clean text is returned as is");
    }

    @Test
    void junitNamesComeFromTheTreeNeverFromParsingIds() {
        NodeId k = NodeId.ofUnit("tests/test_a.py").child(NodeId.Kind.CONTAINER, "k", "TestK");
        assertEquals(new JUnitName("tests.test_a.TestK", "test_x[1]"), JUnitName.of(k.child(NodeId.Kind.TEST, "x", "test_x[1]")));
        assertEquals(new JUnitName("tests.test_a", "test_y[a::b.c/d]"),
                JUnitName.of(NodeId.test("tests/test_a.py", "y", "test_y[a::b.c/d]")));
        assertEquals(new JUnitName("tests.test_a.TestK.TestInner", "test_z"), JUnitName.of(
                k.child(NodeId.Kind.CONTAINER, "i", "TestInner").child(NodeId.Kind.TEST, "z", "test_z")));
        assertEquals(new JUnitName("seq.login", "step 3"), JUnitName.of(NodeId.test("seq/login.tum", "s3", "step 3")));
        assertEquals(new JUnitName("tests.test_a", "TestK::test_x"),
                JUnitName.of(NodeId.flat("tests/test_a.py", "tests/test_a.py::TestK::test_x")), "a row stored before trees");
        assertEquals(new JUnitName("tests.test_b", "tests/test_b.py"), JUnitName.ofUnit("tests/test_b.py"));
    }
}
