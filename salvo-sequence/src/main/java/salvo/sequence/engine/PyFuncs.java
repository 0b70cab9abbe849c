package salvo.sequence.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;
import salvo.sequence.python.Answer;
import salvo.sequence.python.Json;
import salvo.sequence.python.PythonHelper;

/**
 * py_func (§3.9): the file imported afresh in a worker (the context_id's, or a fresh one per
 * call), the signature checked, the function called; a stop kills the worker.
 */
final class PyFuncs {
    private static final Duration CALL_LIMIT = Duration.ofHours(1);

    private final Engine engine;

    PyFuncs(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame) {
        FunctionCall call = FunctionCall.of(step, frame, engine.testDirectory());
        Optional<Result> missing = call.missingFile("py_func");
        if (missing.isPresent()) {
            return missing.get();
        }
        Path file = call.file();
        String func = call.func();
        List<?> params = call.params();
        call.log(frame);
        Object contextId = frame.field("context_id");
        PythonHelper worker;
        try {
            worker = contextId == null ? engine.helpers().fresh() : engine.helpers().context(PyRepr.str(contextId));
        } catch (salvo.error.SalvoError e) {
            return Result.fail(e.getMessage());
        }
        Answer a;
        try {
            a = call(worker, file, func, params, frame);
        } finally {
            if (contextId == null) {
                engine.helpers().retire(worker);
            }
        }
        if (!a.ok()) {
            if (a.error().equals("stopped")) {
                return Result.fail("py_func stopped: its worker was killed");
            }
            a.error().lines().forEach(frame::log);
            String last = a.error().strip().lines().reduce((x, y) -> y).orElse(a.error());
            return Result.fail("py_func " + func + " failed: " + last);
        }
        Object value = a.value();
        frame.info("Returned value: " + PyRepr.repr(value));
        if (!step.name().isEmpty()) {
            engine.dictionary().set("pfn_" + step.name(), value);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (Json.fromJson(a.body().get("reported")) instanceof Map<?, ?> reported) {
            reported.forEach((k, v) -> data.put(String.valueOf(k), v));
        }
        data.put("returned", value);
        return new Result(Verdict.PASS, value, "", data);
    }

    static Answer call(PythonHelper worker, Path file, String func, List<?> params, Frame frame) {
        ObjectNode req = Json.MAPPER.createObjectNode().put("op", "call").put("file", file.toString()).put("func", func);
        req.set("params", Json.toJson(params));
        // One call at a time per worker: its lines are this item's until the answer comes.
        synchronized (worker) {
            worker.onOutput(frame::log);
            try {
                return worker.request(req, frame.stop::stopped, CALL_LIMIT);
            } finally {
                worker.onOutput(null);
            }
        }
    }
}
