package salvo.sequence.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import salvo.error.SalvoError;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.ItemSchema;
import salvo.sequence.load.Step;

/**
 * The unittest item and its sibling for Python test files (§3.8): the test file run once by
 * Salvo's adapter for Python tests (which runs unittest TestCases too) on python_bin, each test
 * a child row of the item. The
 * item PASSes when no test failed, and FAILs naming those that did; test_method keeps only the
 * tests of those function names.
 */
final class PythonTests {
    /** The framework's options the original gives: the file's own addopts do not apply (§3.8). */
    private static final List<String> FRAMEWORK_OPTIONS = List.of("-o", "addopts=");

    private final Engine engine;

    PythonTests(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame, boolean stopOnFailure) {
        String item = step.kind();
        Path file = engine.testDirectory().resolve(frame.expandText(step.field("test_file"))).normalize();
        if (!Files.isRegularFile(file)) {
            return Result.fail(item + ": no test file at \"" + file + "\" (test_file is relative to the test directory)");
        }
        Set<String> methods = methods(frame);
        List<String> passThrough = new ArrayList<>(FRAMEWORK_OPTIONS);
        if (!methods.isEmpty()) {
            passThrough.add("-k"); // a substring match: the results are narrowed to the exact names below
            passThrough.add(String.join(" or ", methods));
        }
        String python = engine.helpers().settings().python();
        frame.info("Running the tests of " + file + " on " + python);
        String relative = engine.testDirectory().relativize(file).toString();
        AdapterRun run = new AdapterRun(ItemSchema.PYTHON_TESTS_ITEM, List.of("--python", python, "-m", ""),
                engine.testDirectory(), relative, passThrough, stopOnFailure);
        Optional<UnitResult> ran;
        try {
            ran = run.run(frame.stop, engine.control());
        } catch (SalvoError | salvo.execute.RunCannotStart e) {
            return Result.fail(item + ": " + relative + " could not run: " + e.getMessage());
        }
        if (frame.stop.stopped()) {
            return Result.skip("stopped");
        }
        if (ran.isEmpty()) {
            return Result.fail(item + ": no tests found in " + relative);
        }
        return verdict(item, relative, ran.get(), methods, frame, step.type() + " step");
    }

    private Result verdict(String item, String file, UnitResult unit, Set<String> methods, Frame frame, String childType) {
        List<String> failed = new ArrayList<>();
        Set<String> unseen = new LinkedHashSet<>(methods);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TestResult t : unit.tests()) {
            String function = function(t.node());
            if (!t.isTest() || !methods.isEmpty() && !methods.contains(function)) {
                continue;
            }
            unseen.remove(function);
            String name = name(t.node());
            Verdict v = verdict(t.outcome());
            String message = t.failure() != null ? t.failure().message() : words(t.outcome());
            engine.testRow(frame, name, childType, new Result(v, null, message, Map.of("outcome", t.outcome().name())),
                    t.duration(), t.output());
            counts.merge(v.name(), 1, Integer::sum);
            if (v == Verdict.FAIL) {
                failed.add(name);
                frame.log("FAIL  " + name + ": " + message);
            }
        }
        if (unit.failure() != null && unit.tests().stream().noneMatch(TestResult::isTest)) {
            return Result.fail(item + ": " + file + ": " + unit.failure().message());
        }
        if (!unseen.isEmpty()) {
            return new Result(Verdict.FAIL, null, item + ": test_method names no test of " + file + ": "
                    + String.join(", ", unseen), data(counts));
        }
        if (counts.isEmpty()) {
            return Result.fail(item + ": no tests ran in " + file);
        }
        if (!failed.isEmpty()) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            return new Result(Verdict.FAIL, null, failed.size() + " of " + total + " tests failed: "
                    + String.join(", ", failed), data(counts));
        }
        return new Result(Verdict.PASS, null, "", data(counts));
    }

    /** The row's data: how many tests ended with each verdict. */
    private static Map<String, Object> data(Map<String, Integer> counts) {
        return new LinkedHashMap<>(counts);
    }

    private static Set<String> methods(Frame frame) {
        Object m = frame.field("test_method");
        Set<String> names = new LinkedHashSet<>();
        if (m != null) {
            (m instanceof List<?> l ? l : List.of(m)).forEach(x -> names.add(PyRepr.str(x).strip()));
        }
        return names;
    }

    /** The test's name within its file: its containers and itself, joined as the framework joins them. */
    private static String name(NodeId node) {
        return node.segments().stream().skip(1).map(NodeId.Segment::name).collect(Collectors.joining("::"));
    }

    /** The test's function, without parameters. */
    private static String function(NodeId node) {
        String name = node.name();
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    private static String words(Outcome o) {
        return switch (o) {
            case XFAILED -> "an expected failure (it counts as a failure)";
            case XPASSED -> "an unexpected success";
            default -> o.name();
        };
    }

    /** §3.8: expected failures FAIL, and so does an unexpected pass. */
    private static Verdict verdict(Outcome o) {
        return switch (o) {
            case PASSED, FLAKY -> Verdict.PASS;
            case SKIPPED -> Verdict.SKIP;
            default -> Verdict.FAIL;
        };
    }
}
