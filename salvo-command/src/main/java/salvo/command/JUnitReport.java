package salvo.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.Text;

/**
 * Reads the JUnit XML reports one attempt of a command wrote into results under its unit:
 * each {@code <testsuite>} a container (nested ones nested), each {@code <testcase>} a test.
 * Ids are the unit's, the suites', the class name and the test name joined with "::", so they
 * stay the same from run to run; a repeated one gets "#2", "#3" in report order.
 *
 * <p>The parser refuses DTDs and external entities: a report is output of the code under test,
 * and must not be able to make Salvo read files or fetch URLs.
 */
final class JUnitReport {
    static final String SEP = "::";

    /** A report that could not be read, with a reason fit for one line. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final NodeId unit;
    private final int attempt;
    private final List<TestResult> tests = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    JUnitReport(NodeId unit, int attempt) {
        this.unit = unit;
        this.attempt = attempt;
    }

    /** Adds the tests of one report file. */
    void read(Path file) throws Unreadable {
        Element root;
        try {
            root = parser().parse(file.toFile()).getDocumentElement();
        } catch (SAXParseException e) {
            throw new Unreadable("not well-formed XML at line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new Unreadable(String.valueOf(e.getMessage()), e);
        }
        String tag = root.getTagName();
        if (!tag.equals("testsuites") && !tag.equals("testsuite")) {
            throw new Unreadable("not a JUnit report: its root element is <" + tag
                    + ">, not <testsuites> or <testsuite>", null);
        }
        walk(root, unit);
    }

    /** The tests read so far, in report order. */
    List<TestResult> tests() {
        return List.copyOf(tests);
    }

    private void walk(Element element, NodeId parent) {
        switch (element.getTagName()) {
            case "testsuites" -> children(element).forEach(child -> walk(child, parent));
            case "testsuite" -> {
                String name = nameOr(element.getAttribute("name"), "(unnamed suite)");
                NodeId suite = parent.child(NodeId.Kind.CONTAINER, parent.id() + SEP + name, name);
                children(element).forEach(child -> walk(child, suite));
            }
            case "testcase" -> tests.add(testCase(element, parent));
            default -> { } // properties, system-out of a suite, comments: not results
        }
    }

    private TestResult testCase(Element testCase, NodeId parent) {
        String className = testCase.getAttribute("classname").strip();
        String name = nameOr(testCase.getAttribute("name"), nameOr(className, "(unnamed test)"));
        String id = parent.id() + SEP + (className.isEmpty() ? "" : className + SEP) + name;
        int n = seen.merge(id, 1, Integer::sum);
        if (n > 1) {
            id = id + "#" + n;
        }
        NodeId node = parent.child(NodeId.Kind.TEST, id, name);
        Outcome outcome = Outcome.PASSED;
        Failure failure = null;
        Optional<Element> error = first(testCase, "error");
        Optional<Element> failed = first(testCase, "failure");
        Optional<Element> flaky = first(testCase, "flakyFailure").or(() -> first(testCase, "flakyError"));
        if (error.isPresent()) {
            outcome = Outcome.ERROR;
            failure = failure(error.get(), FailureKind.OTHER, "error");
        } else if (failed.isPresent()) {
            outcome = Outcome.FAILED;
            failure = failure(failed.get(), FailureKind.ASSERTION, "failed");
        } else if (first(testCase, "skipped").isPresent()) {
            outcome = Outcome.SKIPPED;
        } else if (flaky.isPresent()) {
            // Surefire's rerun passed after failing: the earlier failure is kept, as Salvo's own retries do.
            outcome = Outcome.FLAKY;
            failure = failure(flaky.get(), FailureKind.ASSERTION, "failed, then passed");
        }
        return new TestResult(node, outcome, seconds(testCase.getAttribute("time")), failure, output(testCase), attempt);
    }

    private static Failure failure(Element element, FailureKind kind, String fallback) {
        String text = element.getTextContent().strip();
        String message = element.getAttribute("message").strip();
        if (message.isEmpty()) {
            message = Text.oneLine(text);
        }
        if (message.isEmpty()) {
            message = nameOr(element.getAttribute("type"), fallback);
        }
        return new Failure(kind, message, text);
    }

    private static String output(Element testCase) {
        StringBuilder out = new StringBuilder();
        for (String tag : List.of("system-out", "system-err")) {
            first(testCase, tag).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty()).ifPresent(s -> {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(s);
            });
        }
        return out.toString();
    }

    /** A {@code time} in seconds; reporters write "1.5", some "1,234.5", a few nothing. */
    private static Duration seconds(String time) {
        try {
            double s = Double.parseDouble(time.replace(",", "").strip());
            return s > 0 && s < 1e9 ? Duration.ofNanos(Math.round(s * 1e9)) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Optional<Element> first(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).findFirst();
    }

    private static String nameOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static DocumentBuilder parser() throws Unreadable {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET); // the default handler prints "[Fatal Error]" to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new Unreadable("this Java's XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }

    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
