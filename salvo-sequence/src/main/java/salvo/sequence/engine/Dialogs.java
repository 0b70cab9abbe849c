package salvo.sequence.engine;

import java.util.Locale;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;

/**
 * A dialog item (§3.14): asks whoever answers the run's dialogs, then turns the answer into the
 * item's verdict and value and sets its variables. Only an OK answer passes; a value or note
 * must not be empty.
 */
final class Dialogs {
    private Dialogs() {}

    static Result run(Step step, Frame frame, DialogAnswers answers, Engine engine) {
        DialogRequest request = request(step, frame);
        frame.info("question: " + request.question());
        DialogAnswer answer = answers.answer(request, frame.stop::stopped);
        switch (answer.status()) {
            case STOPPED -> {
                return Result.fail("dialog closed on stop request");
            }
            case OK -> {
                return passed(request, answer, step.name(), engine);
            }
            default -> {
                return Result.fail(answer.why());
            }
        }
    }

    static DialogRequest request(Step step, Frame frame) {
        Object auto = frame.field("auto_result");
        Object prefill = frame.field("auto_value");
        if (prefill == null && step.kind().equals("dialog_value")) {
            prefill = frame.field("default");
        }
        Object filename = frame.field("filename");
        return new DialogRequest(DialogKind.of(step.kind()), step.title(), frame.expandText(step.field("question")),
                auto == null ? null : PyRepr.str(auto).strip().toLowerCase(Locale.ROOT), prefill,
                filename == null ? null : PyRepr.str(filename), DialogRequest.Choice.tree(frame.field("choices")),
                DialogRequest.Reference.list(frame.field("reference")));
    }

    private static Result passed(DialogRequest request, DialogAnswer answer, String name, Engine engine) {
        Object value = answer.value();
        switch (request.kind()) {
            case VALUE, NOTE -> {
                if (value == null || PyRepr.str(value).isEmpty()) {
                    String what = request.kind() == DialogKind.VALUE ? "no value given" : "the note is empty";
                    return Result.fail(answer.why().isEmpty() ? what : what + " (" + answer.why() + ")");
                }
                if (!name.isEmpty()) {
                    engine.dictionary().set(name, value);
                }
                return Result.pass(value);
            }
            case CHOICES -> {
                engine.dictionary().set("cs_" + name, value);
                return Result.pass(value);
            }
            case REFERENCES -> {
                engine.dictionary().set("tested_items", value);
                return Result.pass(value);
            }
            default -> {
                return Result.pass();
            }
        }
    }
}
