package salvo.sequence.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Loaded;
import salvo.sequence.python.Answer;
import salvo.sequence.python.PythonHelper;

/**
 * post_execution (§6.3): after the run, a fresh helper calls post_exec() when main passed, else
 * post_exec_fail(), from the file named by post_execution.file_name or else post_execution.py,
 * both in the test directory (§9.16). A failure only warns.
 */
final class PostExecution {
    private PostExecution() {}

    static void run(Engine engine, Loaded loaded, boolean passed, Frame root) {
        Object section = loaded.top().get("post_execution");
        String name = section instanceof Map<?, ?> m && m.get("file_name") != null
                ? PyRepr.str(root.expand(m.get("file_name"))) : "post_execution.py";
        Path file = loaded.testDirectory().resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            if (section != null) {
                engine.log().line("WARN  post_execution file not found: no file at \"" + file + "\"");
            } else {
                engine.log().line("INFO  No post exec in this test.");
            }
            return;
        }
        String function = passed ? "post_exec" : "post_exec_fail";
        PythonHelper worker;
        try {
            worker = engine.helpers().freshOnce();
        } catch (RuntimeException e) {
            engine.log().line("WARN  post execution could not start: " + e.getMessage());
            return;
        }
        Frame frame = new Frame(engine, null, loaded.main(), List.of(), null, Stop.root(), "");
        Answer a;
        try {
            a = PyFuncs.call(worker, file, function, List.of(), frame);
        } finally {
            worker.close();
        }
        if (a.ok()) {
            engine.log().line("INFO  post execution " + function + "() from " + file.getFileName() + " done");
        } else {
            String last = a.error().strip().lines().reduce((x, y) -> y).orElse(a.error());
            engine.log().line("WARN  post execution " + function + "() failed: " + last);
        }
    }
}
