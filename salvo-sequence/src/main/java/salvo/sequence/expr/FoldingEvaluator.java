package salvo.sequence.expr;

/**
 * Evaluates in Java what {@link SimpleEvaluator} knows (most expressions of a sequence, once
 * their $(…) are literals), with Python's semantics, and the rest in Python: a loop of simple
 * checks then costs no round trip to the helper, nor starting one.
 */
public final class FoldingEvaluator implements Evaluator {
    private final Evaluator python;

    public FoldingEvaluator(Evaluator python) {
        this.python = python;
    }

    @Override
    public Result eval(String expression) {
        try {
            return new Result(true, SimpleEvaluator.eval(expression), "");
        } catch (SimpleParser.Unsupported e) {
            return python.eval(expression);
        }
    }

    @Override
    public Result literal(String text) {
        try {
            return new Result(true, SimpleEvaluator.literal(text), "");
        } catch (SimpleParser.Unsupported e) {
            return SimpleEvaluator.surelyNotLiteral(text) ? Result.failed("not a Python literal") : python.literal(text);
        }
    }
}
