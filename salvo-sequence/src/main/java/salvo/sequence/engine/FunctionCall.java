package salvo.sequence.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;

/**
 * What py_func and lua_func call, read the same way (§3.9, §3.10): the file from the test
 * directory, the function's name, and the params (expanded, typed; one value is a list of one).
 */
record FunctionCall(Path file, String func, List<?> params) {
    static FunctionCall of(Step step, Frame frame, Path testDirectory) {
        Path file = testDirectory.resolve(frame.expandText(step.field("file"))).normalize();
        Object param = step.has("param") ? frame.field("param") : List.of();
        return new FunctionCall(file, frame.expandText(step.field("func_name")), param instanceof List<?> l ? l : List.of(param));
    }

    /** The item's FAIL when its file is not there. */
    Optional<Result> missingFile(String item) {
        return Files.isRegularFile(file) ? Optional.empty() : Optional.of(Result.fail(item + " file not found: no file at \""
                + file + "\" (file is relative to the test directory)"));
    }

    /** The original's two lines before a call. */
    void log(Frame frame) {
        frame.info("Function executed from " + file + " : " + func);
        frame.info("Parameters list: " + PyRepr.repr(params));
    }
}
