package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import salvo.execute.RunControl;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.FoldingEvaluator;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.SimpleEvaluator;
import salvo.sequence.expr.SimpleParser;
import salvo.sequence.python.Dictionary;
import salvo.sequence.python.HelperEvaluator;
import salvo.sequence.python.PythonHelper;

/**
 * Java's evaluator against the real helper's Python on a corpus: hand-picked corners and
 * random expressions over literals and every operator of the subset. Whatever Java evaluates
 * must give Python's value, with its type (int, float, bool, str, None) and its str() form.
 */
class FoldingEquivalenceTest {
    private static final String[] ATOMS = {"0", "1", "2", "7", "10", "3", "0.0", "2.5", "0.1", "1e3", ".5", "5.", "1e-7",
        "1e22", "True", "False", "None", "'a'", "\"b\"", "''", "'abc'", "'é'", "9007199254740993", "123456789012345678",
        "1e308", "-0.0", "4611686018427387904"};
    private static final String[] BINARY = {"+", "-", "*", "/", "//", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or"};

    private static PythonHelper helper;
    private static HelperEvaluator python;

    @BeforeAll
    static void startHelper() {
        helper = PythonHelper.start(new PythonHelper.Settings("python3", Path.of("").toAbsolutePath(), Map.of(),
                System.currentTimeMillis(), Duration.ofSeconds(30)), new Dictionary(), new RunControl(), "equivalence");
        python = new HelperEvaluator(() -> helper, () -> false);
    }

    @AfterAll
    static void stopHelper() {
        helper.close();
    }

    private static List<String> corpus() {
        List<String> texts = new ArrayList<>(List.of("7 / 2", "-7 // 2", "-7 % 3", "7 % -3", "-7 // -2", "1 / 3", "2 / 3 * 3",
                "10 / 4", "True + True", "-True", "+False", "True * 2.5", "1 == 1.0", "1 < 2 < 3", "3 > 2 > 2", "1 == 1 == 1.0",
                "'a' < 'b'", "'B' < 'a'", "'' == ''", "None == 0", "None != None", "0 or ''", "'' or 0", "1 and 0.0",
                "not None", "not 0.0", "not 'x'", "0.1 + 0.2", "1e16", "1e16 + 1", "123456789.123456789", "1e-5", "0.0001",
                "2.0 * 3", "-(-(3))", "(1 + 2) * 3", "1 + 2 * 3", "10 - 2 - 3", "100 // 7 // 2", "2 * 3 % 4",
                "9007199254740992 + 1", "9007199254740992 / 1", "9007199254740993 == 9007199254740992.0",
                "9223372036854775807", "-9223372036854775807 - 1", "3037000500 * 3037000500", "1e308 * 10 > 1",
                "1 / 0", "'a' + 1", "1 < 'a'", "None < 1", "1.5 % 1", "-0.0", "0.0 * -1", "1e309", "1e309 - 1e309",
                "'a' 'b'", "x", "_v * 2", "1_000", "007", "0x1F", "'a\\tb'", "len('ab')", "2 ** 10", "True and 'x' or 'y'",
                "not 1 < 2", "1 if 0 else 2", "'é' < 'z'", "4611686018427387904 * 2", "4611686018427387904 * 4"));
        Random random = new Random(9);
        for (int i = 0; i < 3000; i++) {
            texts.add(expression(random, 3));
        }
        return texts;
    }

    private static String expression(Random random, int depth) {
        int pick = random.nextInt(depth <= 0 ? 1 : 6);
        switch (pick) {
            case 0 -> {
                return ATOMS[random.nextInt(ATOMS.length)];
            }
            case 1 -> {
                return (random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "not ") + expression(random, depth - 1);
            }
            case 2 -> {
                return "(" + expression(random, depth - 1) + ")";
            }
            default -> {
                return expression(random, depth - 1) + " " + BINARY[random.nextInt(BINARY.length)] + " "
                        + expression(random, depth - 1);
            }
        }
    }

    @Test
    void javaGivesPythonsValueWheneverItEvaluates() {
        Evaluator folding = new FoldingEvaluator(python);
        int inJava = 0;
        List<String> corpus = corpus();
        for (String text : corpus) {
            Evaluator.Result expected = python.eval(text);
            boolean local;
            try {
                SimpleEvaluator.eval(text);
                local = true;
            } catch (SimpleParser.Unsupported e) {
                local = false;
            }
            inJava += local ? 1 : 0;
            Evaluator.Result got = folding.eval(text);
            assertEquals(expected.ok(), got.ok(), text + ": " + expected.error());
            if (expected.ok()) {
                assertEquals(type(expected.value()), type(got.value()), text);
                assertEquals(PyRepr.repr(expected.value()), PyRepr.repr(got.value()), text);
                assertEquals(expected.value(), got.value(), text);
            } else {
                assertEquals(expected.error(), got.error(), text);
            }
        }
        // The corpus is there to test Java's side: much of it (the rest mixes types that Python refuses) stays in Java.
        assertTrue(inJava > corpus.size() / 3, inJava + " of " + corpus.size() + " evaluated in Java");
    }

    @Test
    void whatJavaParsesPythonParses() {
        for (String text : corpus()) {
            String checkable = text.replace("x", "_v");
            if (SimpleParser.parses(checkable)) {
                assertEquals("", python.syntaxError(checkable), checkable);
            }
        }
    }

    @Test
    void literalsAsAstLiteralEvalReadsThem() {
        for (String text : List.of("5", "-5", "+5", "2.5", "-0.0", "'a'", "True", "None", "1e3", " 7 ")) {
            Evaluator.Result expected = python.literal(text);
            Object got = SimpleEvaluator.literal(text);
            assertTrue(expected.ok(), text);
            assertEquals(PyRepr.repr(expected.value()), PyRepr.repr(got), text);
            assertEquals(type(expected.value()), type(got), text);
        }
    }

    @Test
    void whatJavaCallsNoLiteralPythonRefusesToo() {
        List<String> texts = List.of("/usr/bin/python3", "hello world", "abc", "", "  ", "é", "x.y", "#c", "True_x", "Nonesuch",
                "~5", "@x", "a=b", "$(x)", "C:\\dir", "*", "f'x'", "rb'x'", "True", "'a'", "1 + 2", "[1, 2]", "{'a': 1}", "...",
                "-x", "(1,)", "\"s\"", "0x1F", "1_000", "ab'c'");
        int refused = 0;
        for (String text : texts) {
            if (SimpleEvaluator.surelyNotLiteral(text)) {
                refused++;
                assertTrue(!python.literal(text).ok(), text + " is a Python literal");
            }
        }
        assertTrue(refused >= 14, refused + " refused");
    }

    private static String type(Object v) {
        return v == null ? "None" : v.getClass().getSimpleName();
    }
}
