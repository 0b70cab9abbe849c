package salvo.sequence.expr;

/** Evaluates the Python of a {@code <| expr |>} (after its $(…) were substituted). */
public interface Evaluator {
    /** @param ok false when it raised or did not parse; then {@code error} says why */
    record Result(boolean ok, Object value, String error) {
        public static Result failed(String error) {
            return new Result(false, null, error);
        }
    }

    Result eval(String expression);

    /** Evaluates a Python literal (-d values); not ok when the text is not one. */
    default Result literal(String text) {
        return Result.failed("literals are not supported here");
    }
}
