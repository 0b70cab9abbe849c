package salvo.sequence.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;

/**
 * Dialogs without an operator (§3.14): answered by auto_result and auto_value; without an
 * auto_result they FAIL. false, no and cancel all mean no (§9.22).
 */
final class Dialogs {
    private static final Set<String> NO = Set.of("no", "false", "nok", "ko", "cancel");

    private Dialogs() {}

    static Result run(Step step, Frame frame, Engine engine) {
        frame.info("question: " + frame.expandText(step.field("question")));
        Object auto = frame.field("auto_result");
        if (auto == null) {
            return Result.fail("Dialog not supported in batch mode: give it an auto_result (ok, yes, no or cancel)");
        }
        String answer = PyRepr.str(auto).strip().toLowerCase(Locale.ROOT);
        if (answer.equals("cancel")) {
            return Result.fail("dialog cancelled (auto_result: cancel)");
        }
        boolean no = NO.contains(answer);
        String name = step.name();
        switch (step.kind()) {
            case "dialog_message", "dialog_question" -> {
                return no ? Result.fail("answered " + answer + " (auto_result)") : Result.pass();
            }
            case "dialog_image" -> {
                return Result.pass();
            }
            case "dialog_value" -> {
                Object value = frame.field("auto_value");
                if (value == null) {
                    value = frame.field("default");
                }
                if (value == null || PyRepr.str(value).isEmpty()) {
                    return Result.fail("no value given (auto_value and default are empty)");
                }
                if (!name.isEmpty()) {
                    engine.dictionary().set(name, value);
                }
                return Result.pass(value);
            }
            case "dialog_note" -> {
                Object note = frame.field("auto_value");
                if (note == null || PyRepr.str(note).isEmpty()) {
                    return Result.fail("the note is empty (auto_value)");
                }
                if (!name.isEmpty()) {
                    engine.dictionary().set(name, note);
                }
                return Result.pass(note);
            }
            case "dialog_choices" -> {
                Object checked = allChecked(frame.field("choices"));
                engine.dictionary().set("cs_" + name, checked);
                return Result.pass(checked);
            }
            case "dialog_references" -> {
                List<Object> items = new ArrayList<>();
                if (frame.field("reference") instanceof List<?> refs) {
                    for (Object r : refs) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        Map<?, ?> m = r instanceof Map<?, ?> mm ? mm : Map.of();
                        row.put("reference", m.get("ref"));
                        row.put("revision", m.get("rev"));
                        row.put("serial", m.get("serial"));
                        items.add(row);
                    }
                }
                engine.dictionary().set("tested_items", items);
                return Result.pass(items);
            }
            default -> {
                return Result.fail("unknown dialog " + step.kind());
            }
        }
    }

    /** In batch every choice is checked: [{name, checked, choices?}]. */
    private static List<Object> allChecked(Object choices) {
        List<Object> out = new ArrayList<>();
        if (choices instanceof List<?> list) {
            for (Object c : list) {
                Map<String, Object> row = new LinkedHashMap<>();
                Map<?, ?> m = c instanceof Map<?, ?> mm ? mm : Map.of("name", c);
                row.put("name", m.get("name"));
                row.put("checked", true);
                if (m.get("choices") != null) {
                    row.put("choices", allChecked(m.get("choices")));
                }
                out.add(row);
            }
        }
        return out;
    }
}
