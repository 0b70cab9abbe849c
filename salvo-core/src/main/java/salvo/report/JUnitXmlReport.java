package salvo.report;

import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunRecord;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/**
 * A run as JUnit XML, the format Jenkins, GitLab and most CI systems read: one testsuite per unit.
 * Flaky tests pass with a {@code flakyFailure} element, as Surefire writes them, so the retry is
 * visible without failing the build.
 */
public final class JUnitXmlReport {
    // The JUnit schema's timestamp has no zone; it is UTC here.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JUnitXmlReport() {}

    public static String render(RunRecord run) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            new Writer(xml, run).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML for run " + RunRef.of(run).name() + " could not be written", e);
        }
        return text.toString();
    }

    /** Counts for a testsuite or testsuites element. */
    private record Counts(int tests, int failures, int errors, int skipped) {
        static final Counts NONE = new Counts(0, 0, 0, 0);

        static Counts of(UnitResult unit) {
            Counts counts = NONE;
            for (TestResult t : unit.tests()) {
                if (t.isTest()) {
                    counts = counts.plus(t.outcome());
                }
            }
            return standsForUnit(unit) ? counts.plus(unit.outcome()) : counts;
        }

        Counts plus(Outcome o) {
            return new Counts(tests + 1, failures + (element(o).equals("failure") ? 1 : 0),
                    errors + (element(o).equals("error") ? 1 : 0), skipped + (element(o).equals("skipped") ? 1 : 0));
        }

        Counts plus(Counts c) {
            return new Counts(tests + c.tests, failures + c.failures, errors + c.errors, skipped + c.skipped);
        }
    }

    /** A failing unit that no failing test explains gets a testcase of its own, or CI would show it green. */
    private static boolean standsForUnit(UnitResult unit) {
        return unit.outcome().isFailure() && unit.tests().stream().noneMatch(t -> t.outcome().isFailure());
    }

    /** The child element an outcome is reported with, or "" for a plain pass. */
    private static String element(Outcome o) {
        return switch (o) {
            case FAILED, TIMEOUT, CRASHED -> "failure";
            case ERROR, INCOMPLETE -> "error";
            case SKIPPED, XFAILED -> "skipped";
            case FLAKY -> "flakyFailure";
            case PASSED, XPASSED -> "";
        };
    }

    private static final class Writer {
        private final XMLStreamWriter xml;
        private final RunRecord run;

        Writer(XMLStreamWriter xml, RunRecord run) {
            this.xml = xml;
            this.run = run;
        }

        void write() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            attribute("name", "salvo run " + RunRef.of(run).name());
            Counts total = Counts.NONE;
            for (UnitResult unit : run.units()) {
                total = total.plus(Counts.of(unit));
            }
            counts(total, run.wallTime());
            for (UnitResult unit : run.units()) {
                suite(unit);
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private void suite(UnitResult unit) throws XMLStreamException {
            newline(1);
            xml.writeStartElement("testsuite");
            attribute("name", unit.unit().id());
            counts(Counts.of(unit), unit.duration());
            attribute("timestamp", TIMESTAMP.format(run.info().started()));
            if (run.info().host() != null) {
                attribute("hostname", run.info().host());
            }
            for (TestResult test : unit.tests()) {
                if (!test.isTest()) {
                    continue;
                }
                JUnitName name = JUnitName.of(test.node());
                testcase(name, test.duration(), test.outcome(), test.failure(), test.output());
            }
            if (standsForUnit(unit)) {
                Failure failure = unit.failure() != null ? unit.failure() : Failure.of(
                        unit.outcome() == Outcome.TIMEOUT ? FailureKind.TIMEOUT : FailureKind.OTHER,
                        unit.reason());
                testcase(JUnitName.ofUnit(unit.unit().id()), unit.duration(), unit.outcome(), failure, "");
            }
            newline(1);
            xml.writeEndElement();
        }

        private void testcase(JUnitName name, Duration duration, Outcome outcome, Failure failure, String output)
                throws XMLStreamException {
            newline(2);
            xml.writeStartElement("testcase");
            attribute("classname", name.classname());
            attribute("name", name.name());
            attribute("time", seconds(duration));
            String element = element(outcome);
            if (!element.isEmpty()) {
                newline(3);
                xml.writeStartElement(element);
                String message = failure == null || failure.message().isEmpty() ? describe(outcome) : failure.message();
                attribute("message", message);
                if (!element.equals("skipped")) {
                    attribute("type", failure == null ? outcome.name() : failure.kind().name());
                }
                String detail = failure == null ? "" : failure.detail();
                if (element.equals("flakyFailure")) {
                    // Surefire puts a rerun's trace in a stackTrace child; CI plugins look for it there.
                    xml.writeStartElement("stackTrace");
                    text(detail);
                    xml.writeEndElement();
                } else if (!element.equals("skipped")) {
                    text(detail);
                }
                xml.writeEndElement();
            }
            if (!output.isEmpty()) {
                newline(3);
                xml.writeStartElement("system-out");
                text(output);
                xml.writeEndElement();
            }
            if (!element.isEmpty() || !output.isEmpty()) {
                newline(2);
            }
            xml.writeEndElement();
        }

        private static String describe(Outcome outcome) {
            return switch (outcome) {
                case XFAILED -> "expected failure";
                case FLAKY -> "failed, then passed on retry";
                case TIMEOUT -> "timed out";
                default -> outcome.name().toLowerCase(Locale.ROOT);
            };
        }

        private void counts(Counts counts, Duration time) throws XMLStreamException {
            attribute("tests", String.valueOf(counts.tests()));
            attribute("failures", String.valueOf(counts.failures()));
            attribute("errors", String.valueOf(counts.errors()));
            attribute("skipped", String.valueOf(counts.skipped()));
            attribute("time", seconds(time));
        }

        // A parser turns tabs and line breaks in attributes into spaces anyway; do it here, visibly.
        private void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, XmlText.legal(TerminalText.plain(value)).replaceAll("[\t\n\r]", " "));
        }

        private void text(String value) throws XMLStreamException {
            xml.writeCharacters(XmlText.legal(TerminalText.plain(value)));
        }

        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }

        private static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
        }
    }
}
