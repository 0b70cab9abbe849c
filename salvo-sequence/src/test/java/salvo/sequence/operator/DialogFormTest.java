package salvo.sequence.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import salvo.sequence.engine.DialogAnswer;
import salvo.sequence.engine.DialogAnswer.Status;
import salvo.sequence.engine.DialogKind;
import salvo.sequence.engine.DialogRequest;
import salvo.sequence.engine.DialogRequest.Choice;
import salvo.sequence.engine.DialogRequest.Reference;
import salvo.sequence.expr.PyRepr;
import salvo.terminal.Keystroke;
import salvo.terminal.Keystroke.Special;

class DialogFormTest {
    private static DialogRequest request(DialogKind kind, String auto, Object prefill) {
        return new DialogRequest(kind, "t", "q?", auto, prefill, "/tmp/x.png", List.of(), List.of());
    }

    private static void press(DialogForm f, Object... keys) {
        for (Object k : keys) {
            if (k instanceof String text) {
                text.codePoints().forEach(c -> f.key(Keystroke.character(c)));
            } else {
                f.key(Keystroke.of((Special) k));
            }
        }
    }

    private static DialogAnswer answer(DialogForm f) {
        return f.answer().orElseThrow(() -> new AssertionError("no answer yet: " + f.view()));
    }

    @Test
    void aQuestionAnswersYesOrNoAndEnterTakesThePrefilledAnswer() {
        DialogForm yes = new DialogForm(request(DialogKind.QUESTION, null, null), null);
        press(yes, "x", Special.ENTER);
        assertEquals(Status.OK, answer(yes).status(), "no auto_result: Yes is highlighted");

        DialogForm no = new DialogForm(request(DialogKind.QUESTION, "false", null), null);
        assertTrue(no.view().body().get(0).contains("[ No ]"), no.view().toString());
        press(no, Special.ENTER);
        assertEquals(Status.NO, answer(no).status(), "auto_result no pre-selects No");

        DialogForm typed = new DialogForm(request(DialogKind.QUESTION, "false", null), null);
        press(typed, "y");
        assertEquals(Status.OK, answer(typed).status());
    }

    @Test
    void escCancelsAnyDialogAndLaterKeysChangeNothing() {
        DialogForm f = new DialogForm(request(DialogKind.MESSAGE, null, null), null);
        press(f, Special.ESCAPE, Special.ENTER);
        assertEquals(Status.CANCELLED, answer(f).status());
    }

    @Test
    void aValueStartsFromItsPrefillAndIsCheckedAgainstItsType() {
        DialogForm f = new DialogForm(request(DialogKind.VALUE, "ok", 100L), null);
        assertEquals("> 100█", f.view().body().get(0));
        press(f, Special.BACKSPACE, Special.BACKSPACE, Special.BACKSPACE, "4x", Special.ENTER);
        assertTrue(f.answer().isEmpty(), "refused");
        assertEquals("'4x' is not a whole number (the default is 100)", f.view().error());
        press(f, Special.BACKSPACE, "2", Special.ENTER);
        assertEquals(42L, answer(f).value(), "a number, as the default was");
    }

    @Test
    void anEmptyValueOrNoteIsRefusedNotFailed() {
        DialogForm note = new DialogForm(request(DialogKind.NOTE, null, null), null);
        press(note, Special.ENTER);
        assertEquals("write a note: an empty one fails the item", note.view().error());
        press(note, "  looks fine ", Special.ENTER);
        assertEquals("  looks fine ", answer(note).value(), "a note is kept as written");
    }

    @Test
    void typedValuesFollowThePrefillsType() {
        assertEquals(3.5, TypedValue.parse("3.5", 3.3, DialogKind.VALUE).value());
        assertEquals("'x' is not a number (the default is 3.3)", TypedValue.parse("x", 3.3, DialogKind.VALUE).error());
        assertEquals(false, TypedValue.parse("No", true, DialogKind.VALUE).value());
        assertEquals("SN 7", TypedValue.parse(" SN 7 ", "SN1", DialogKind.VALUE).value(), "text is stripped");
        assertEquals("'maybe' is not yes or no", TypedValue.parse("maybe", true, DialogKind.VALUE).error());
    }

    @Test
    void choicesStartAllTickedAndSpaceUnticksTheOneUnderTheCursor() {
        List<Choice> tree = List.of(new Choice("a", "first", List.of(new Choice("a1", "", List.of()))),
                new Choice("b", "", List.of()));
        DialogForm f = new DialogForm(new DialogRequest(DialogKind.CHOICES, "c", "pick", null, null, null, tree,
                List.of()), null);
        assertEquals(List.of("[x] a  first", "[x]   a1", "[x] b"), f.view().body());
        press(f, Special.DOWN, " ", Special.DOWN, Special.DOWN, Special.UP);
        assertEquals(1, f.view().cursor());
        press(f, Special.ENTER);
        assertEquals("[{'name': 'a', 'checked': True, 'choices': [{'name': 'a1', 'checked': False}]}, "
                + "{'name': 'b', 'checked': True}]", PyRepr.str(answer(f).value()));
    }

    @Test
    void referencesTickedAreTheTestedItems() {
        List<Reference> refs = List.of(new Reference("R1", "A", "S1"), new Reference("R2", "B", "S2"));
        DialogForm f = new DialogForm(new DialogRequest(DialogKind.REFERENCES, "r", "which", null, null, null, List.of(),
                refs), null);
        press(f, " ", Special.ENTER);
        assertEquals("[{'reference': 'R2', 'revision': 'B', 'serial': 'S2'}]", PyRepr.str(answer(f).value()));
    }

    @Test
    void anImageShowsItsPathAndHowItWasOpened() {
        DialogForm f = new DialogForm(request(DialogKind.IMAGE, null, null), "no desktop here: open it yourself");
        assertEquals(List.of("image: /tmp/x.png", "no desktop here: open it yourself"), f.view().body());
        press(f, Special.ENTER);
        assertEquals(Status.OK, answer(f).status());
    }

    @Test
    void noDesktopWithoutDisplay() {
        assertEquals(false, ImageViewer.desktop(java.util.Map.of()));
        assertEquals(true, ImageViewer.desktop(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0")));
    }
}
