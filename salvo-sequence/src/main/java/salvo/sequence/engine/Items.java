package salvo.sequence.engine;

import salvo.sequence.expr.Rules;
import salvo.sequence.load.Step;

/** Which body runs for which item kind. */
final class Items {
    private final Engine engine;
    private final Loops loops;
    private final Parallels parallels;
    private final PyFuncs pyFuncs;
    private final RunTum runTum;
    private final Git git;
    private final PythonTests pythonTests;
    final Consoles consoles;
    final JsonRpcs jsonRpcs;
    final Plots plots;
    final LuaFuncs luaFuncs;

    Items(Engine engine) {
        this.engine = engine;
        this.loops = new Loops(engine);
        this.parallels = new Parallels(engine);
        this.pyFuncs = new PyFuncs(engine);
        this.luaFuncs = new LuaFuncs(engine);
        this.runTum = new RunTum(engine);
        this.git = new Git(engine);
        this.pythonTests = new PythonTests(engine);
        this.consoles = new Consoles(engine);
        this.jsonRpcs = new JsonRpcs(engine, consoles);
        this.plots = new Plots(engine);
    }

    Result body(Step step, Frame frame) {
        return switch (step.kind()) {
            case "main", "group" -> engine.children(step.children(), frame, stopOnFailure(step, frame));
            case "parallel_branch" -> parallels.branch(step, frame);
            case "loop" -> loops.run(step, frame);
            case "parallel" -> parallels.run(step, frame);
            case "let" -> Basics.let(frame);
            case "check" -> Basics.check(step, frame);
            case "sleep" -> Basics.sleep(frame);
            case "py_func" -> pyFuncs.run(step, frame);
            case "lua_func" -> luaFuncs.run(step, frame);
            case "run" -> runTum.run(step, frame);
            case "git" -> git.run(step, frame);
            case "unittest", salvo.sequence.load.ItemSchema.PYTHON_TESTS_ITEM -> pythonTests.run(step, frame, stopOnFailure(step, frame));
            case "console" -> consoles.run(step, frame, stopOnFailure(step, frame));
            case "json_rpc" -> jsonRpcs.run(step, frame, stopOnFailure(step, frame));
            case "plot" -> plots.run(step, frame, stopOnFailure(step, frame));
            case "report" -> engine.reportItem(step, frame);
            default -> step.kind().startsWith("console.") ? consoles.action(step, frame)
                    : step.kind().startsWith("json_rpc.") ? jsonRpcs.action(step, frame)
                    : step.kind().startsWith("plot.") ? plots.action(step, frame)
                    : step.kind().startsWith("dialog_") ? Dialogs.run(step, frame, engine.operator().dialogs(), engine)
                    : Result.fail("'" + step.kind() + "' items are not supported yet by Salvo's sequence engine");
        };
    }

    boolean stopOnFailure(Step step, Frame frame) {
        return step.has("stop_on_failure") && Rules.flag(frame.field("stop_on_failure"), engine.evaluator(frame.stop));
    }
}
