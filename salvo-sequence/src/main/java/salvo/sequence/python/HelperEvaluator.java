package salvo.sequence.python;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import salvo.sequence.expr.Evaluator;

/**
 * Expressions evaluated by the long-lived helper; a stop kills a runaway expression. The helper
 * is asked for on the first request only, so a sequence that never needs Python never starts it.
 */
public final class HelperEvaluator implements Evaluator {
    private static final Duration LIMIT = Duration.ofMinutes(5);
    /** Expressions are quick: a stop waits this long for one before killing the shared helper. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Supplier<PythonHelper> helper;
    private final BooleanSupplier stopped;

    public HelperEvaluator(Supplier<PythonHelper> helper, BooleanSupplier stopped) {
        this.helper = helper;
        this.stopped = stopped;
    }

    @Override
    public Result eval(String expression) {
        ObjectNode req = Json.MAPPER.createObjectNode().put("op", "eval").put("expr", expression);
        Answer a = helper.get().request(req, stopped, LIMIT, GRACE);
        return a.ok() ? new Result(true, a.value(), "") : Result.failed(a.error());
    }

    @Override
    public Result literal(String text) {
        Answer a = helper.get().request(Json.MAPPER.createObjectNode().put("op", "literal").put("text", text), stopped, LIMIT, GRACE);
        return a.ok() ? new Result(true, a.value(), "") : Result.failed(a.error());
    }

    /** Empty when the expression parses, else the syntax error. */
    public String syntaxError(String expression) {
        Answer a = helper.get().request(Json.MAPPER.createObjectNode().put("op", "parse").put("expr", expression), stopped, LIMIT, GRACE);
        return a.ok() ? "" : a.error();
    }
}
