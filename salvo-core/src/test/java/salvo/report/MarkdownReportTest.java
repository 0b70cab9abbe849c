package salvo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import salvo.model.NodeId;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.model.RunBuilder.run;
import static salvo.model.RunBuilder.seconds;
import static salvo.model.RunBuilder.test;
import static salvo.model.RunBuilder.unitResult;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.RunBuilder;
import salvo.model.RunRecord;
import salvo.model.TestResult;

class MarkdownReportTest {
    private static final String NASTY_MESSAGE = "expected `a|b` got ``c``|d \\| e *not bold* <b>";
    private static final String NASTY_TEST = "a.py::test_x[`|`]";

    /** Cells as GitHub splits a table row: on pipes that no backslash escapes. */
    private static List<String> cells(String row) {
        String inner = row.substring(row.indexOf('|') + 1, row.lastIndexOf('|'));
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).map(c -> c.replace("\\|", "|")).toList();
    }

    /** What a plain-text cell shows once Markdown's backslash escapes are read. */
    private static String shownText(String cell) {
        return cell.replaceAll("\\\\(\\p{Punct})", "$1");
    }

    /** What a code-span cell shows: the content between the delimiters, less one padding space each side. */
    private static String shownCode(String cell) {
        int fence = 0;
        while (cell.charAt(fence) == '`') {
            fence++;
        }
        String content = cell.substring(fence, cell.length() - fence);
        return content.startsWith(" ") && content.endsWith(" ") ? content.substring(1, content.length() - 1) : content;
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start + " in\n" + text));
    }

    private static RunRecord nasty() {
        TestResult failed = new TestResult(NodeId.flat("a.py", NASTY_TEST), Outcome.FAILED, seconds(1),
                new Failure(FailureKind.ASSERTION, NASTY_MESSAGE, "before\n```\ninside\n````\n\u001B[31mred\u001B[0m after"), "", 1);
        return run("20261123_101502_123").id(12).unit("a.py", failed).build();
    }

    @Test
    void failureTableKeepsPipesAndBackticksInsideTheirCells() {
        String markdown = MarkdownReport.render(nasty(), Optional.empty());

        List<String> row = cells(line(markdown, "| `a.py` |"));

        assertEquals(5, row.size(), row.toString());
        assertEquals("test_x[`|`]", shownCode(row.get(1)));
        assertEquals("FAILED", row.get(2));
        assertEquals("ASSERTION", row.get(3));
        assertEquals(NASTY_MESSAGE, shownText(row.get(4)));
        assertFalse(row.get(4).contains("<b>"), "HTML must be escaped: " + row.get(4));
    }

    @Test
    void detailsAreFencedBeyondAnyBacktickRunAndLoseTerminalCodes() {
        String markdown = MarkdownReport.render(nasty(), Optional.empty());

        assertTrue(markdown.contains("\n`````\nbefore\n```\ninside\n````\nred after\n`````\n"), markdown);
        assertTrue(markdown.contains("### ``" + NASTY_TEST + "``\n"), markdown);
    }

    @Test
    void codeSpansPadWhenTheContentTouchesTheDelimiter() {
        assertEquals("`plain`", Markdown.code("plain"));
        assertEquals("`` `tick` ``", Markdown.code("`tick`"));
        // Markdown strips one space from each side of such a span, so it needs one more.
        assertEquals("```  a``b  ```", Markdown.code(" a``b "));
    }

    @Test
    void reportHasTheRunsFactsTotalsFilesSlowestAndFlaky() {
        RunBuilder builder = run("20261123_101502_123").id(12).wall(seconds(62));
        TestResult[] many = new TestResult[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = test("slow.py", "t" + i, Outcome.PASSED, i + 1);
        }
        RunRecord run = builder.unit("slow.py", many)
                .unit("quick.py", test("quick.py", "ok", Outcome.PASSED, 0.1), test("quick.py", "flaky", Outcome.FLAKY, 0.2))
                .unit(unitResult("broken.py", Outcome.ERROR, seconds(0.5), Failure.of(FailureKind.COLLECTION, "ImportError: x")))
                .build();

        String md = MarkdownReport.render(run, Optional.empty());

        assertTrue(md.startsWith("# Salvo run #12 · 20261123\\_101502\\_123\n"), md);
        assertTrue(md.contains("- Date: 2026-11-23 10:15:02 UTC\n"), md);
        assertTrue(md.contains("- Host: ci-7\n- Git commit: `0123abcd`\n- Wall time: 1m 02s\n"), md);
        assertTrue(md.contains("- Status: ✘ failed (1 of 3 files failed)\n"), md);
        assertTrue(md.contains("| PASSED | 13 | 1 |\n| ERROR | 0 | 1 |\n| FLAKY | 1 | 1 |\n| **Total** | **14** | **3** |\n"), md);
        assertTrue(md.contains("| `broken.py` | (whole file) | ERROR | COLLECTION | ImportError: x |\n"), md);
        List<String> files = md.lines().dropWhile(l -> !l.equals("## Files")).skip(4).limit(3).toList();
        assertEquals(List.of("| `slow.py` | PASSED | 12 | 1m 18s |", "| `broken.py` | ERROR | 0 | 0.500 s |",
                "| `quick.py` | FLAKY | 2 | 0.300 s |"), files);
        List<String> slowest = md.lines().dropWhile(l -> !l.equals("## Slowest tests")).skip(4)
                .takeWhile(l -> l.startsWith("|")).toList();
        assertEquals(MarkdownReport.SLOWEST, slowest.size());
        assertEquals("| `slow.py::t11` | PASSED | 12.0 s |", slowest.get(0));
        assertTrue(md.contains("## Flaky: failed, then passed on retry\n"), md);
        assertTrue(md.contains("| `quick.py::flaky` | 1 | assert flaky |\n"), md);
        assertTrue(md.contains("### `broken.py`\n\nerror · collection: ImportError: x\n"), md);
    }

    @Test
    void comparisonWithThePreviousRunComesFirst() {
        RunRecord older = run("old").id(11).unit("a.py", test("a.py", "t", Outcome.PASSED, 1)).build();
        RunRecord newer = run("new").id(12).unit("a.py", test("a.py", "t", Outcome.FAILED, 1)).build();

        String md = MarkdownReport.render(newer, Optional.of(Comparison.between(older, newer)));

        assertTrue(md.contains("## Compared with run #11\n\n1 new failure, 0 fixed, 0 still failing, 0 files added, 0 gone\n\n"
                + "- new failure: `a.py::t` — assert t\n"), md);
        assertTrue(md.indexOf("## Compared") < md.indexOf("## Totals"), md);
        assertFalse(MarkdownReport.render(newer, Optional.empty()).contains("## Compared"));
    }

    @Test
    void aPassingRunSaysSoAndHasNoFailureSections() {
        String md = MarkdownReport.render(run("ok").unit("a.py", test("a.py", "t", Outcome.PASSED, 1)).build(),
                Optional.empty());

        assertTrue(md.contains("- Status: ✔ passed\n"), md);
        assertTrue(md.contains("## Failures\n\nNone.\n"), md);
        assertFalse(md.contains("## Failure details"), md);
        assertFalse(md.contains("## Flaky"), md);
    }
}
