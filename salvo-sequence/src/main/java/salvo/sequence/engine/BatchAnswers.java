package salvo.sequence.engine;

import java.util.Arrays;
import java.util.Set;
import java.util.function.BooleanSupplier;
import salvo.sequence.engine.DialogAnswer.Status;

/**
 * Dialogs without an operator (§3.14): auto_result answers and auto_value (or default) is the
 * value; without an auto_result nobody can answer. false, no and cancel all mean no (§9.22);
 * choices and references are all ticked.
 */
public final class BatchAnswers implements DialogAnswers {
    private static final Set<String> NO = Set.of("no", "false", "nok", "ko");

    @Override
    public DialogAnswer answer(DialogRequest request, BooleanSupplier stopped) {
        String auto = request.autoResult();
        if (auto == null) {
            return DialogAnswer.of(Status.UNANSWERED,
                    "Dialog not supported in batch mode: give it an auto_result (ok, yes, no or cancel)");
        }
        if (auto.equals("cancel")) {
            return DialogAnswer.of(Status.CANCELLED, "dialog cancelled (auto_result: cancel)");
        }
        return switch (request.kind()) {
            case MESSAGE, QUESTION -> NO.contains(auto) ? DialogAnswer.of(Status.NO, "answered " + auto + " (auto_result)")
                    : DialogAnswer.ok(null, "");
            case IMAGE -> DialogAnswer.ok(null, "");
            case VALUE -> DialogAnswer.ok(request.prefill(), "auto_value and default are empty");
            case NOTE -> DialogAnswer.ok(request.prefill(), "auto_value");
            case CHOICES -> DialogAnswer.ok(DialogRequest.Choice.answer(request.choices(),
                    all(DialogRequest.Choice.count(request.choices()))), "");
            case REFERENCES -> DialogAnswer.ok(DialogRequest.Reference.answer(request.references(),
                    all(request.references().size())), "");
        };
    }

    private static boolean[] all(int n) {
        boolean[] ticked = new boolean[n];
        Arrays.fill(ticked, true);
        return ticked;
    }
}
