package salvo.sequence.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import salvo.sequence.engine.DialogAnswer;
import salvo.sequence.engine.DialogAnswer.Status;
import salvo.sequence.engine.DialogKind;
import salvo.sequence.engine.DialogRequest;
import salvo.sequence.engine.DialogRequest.Choice;
import salvo.sequence.engine.DialogRequest.Reference;
import salvo.sequence.expr.PyRepr;
import salvo.terminal.Keystroke;
import salvo.terminal.Keystroke.Special;

/**
 * One open dialog as the operator edits it: the text typed, the ticks, the highlighted answer,
 * and the answer once given. Pure: keys in, a view and an answer out; the auto_* values pre-fill
 * it. Esc cancels. Key handling and reads come from different threads, hence the locks.
 */
final class DialogForm {
    private static final Set<String> NO = Set.of("no", "false", "nok", "ko");

    /** What to draw: the lines of the body, which one the cursor is on (-1: none), and an error. */
    record View(String heading, String question, List<String> body, int cursor, String error, String help) {}

    private final DialogRequest request;
    private final String note;
    private final StringBuilder text = new StringBuilder();
    private final List<String> labels = new ArrayList<>();
    private final boolean[] ticks;
    private int cursor;
    private boolean yes;
    private String error;
    private DialogAnswer answer;

    /** @param note a line shown under the question (how an image was opened), or null */
    DialogForm(DialogRequest request, String note) {
        this.request = request;
        this.note = note;
        this.yes = request.autoResult() == null || !NO.contains(request.autoResult());
        if (request.prefill() != null) {
            text.append(PyRepr.str(request.prefill()));
        }
        if (request.kind() == DialogKind.CHOICES) {
            addChoices(request.choices(), 0);
        } else if (request.kind() == DialogKind.REFERENCES) {
            request.references().forEach(r -> labels.add(r.label()));
        }
        // Pre-filled as batch would answer: everything ticked.
        ticks = new boolean[labels.size()];
        Arrays.fill(ticks, true);
    }

    private void addChoices(List<Choice> choices, int depth) {
        for (Choice c : choices) {
            labels.add("  ".repeat(depth) + c.name() + (c.description().isEmpty() ? "" : "  " + c.description()));
            addChoices(c.choices(), depth + 1);
        }
    }

    DialogRequest request() {
        return request;
    }

    synchronized Optional<DialogAnswer> answer() {
        return Optional.ofNullable(answer);
    }

    /** The answer, waiting for it at most {@code millis}. */
    synchronized Optional<DialogAnswer> await(long millis) throws InterruptedException {
        if (answer == null) {
            wait(millis);
        }
        return Optional.ofNullable(answer);
    }

    synchronized void key(Keystroke k) {
        if (answer != null) {
            return;
        }
        handle(k);
        if (answer != null) {
            notifyAll();
        }
    }

    private void handle(Keystroke k) {
        if (k.is(Special.ESCAPE)) {
            answer = DialogAnswer.of(Status.CANCELLED, "cancelled by the operator");
            return;
        }
        switch (request.kind()) {
            case QUESTION -> question(k);
            case VALUE, NOTE -> typing(k);
            case CHOICES, REFERENCES -> ticking(k);
            default -> {
                if (k.is(Special.ENTER)) {
                    answer = DialogAnswer.ok(null, "");
                }
            }
        }
    }

    private void question(Keystroke k) {
        if (k.is('y') || k.is('Y')) {
            yes = true;
        } else if (k.is('n') || k.is('N')) {
            yes = false;
        } else if (k.is(Special.LEFT) || k.is(Special.RIGHT) || k.is(Special.TAB)) {
            yes = !yes;
            return;
        } else if (!k.is(Special.ENTER)) {
            return;
        }
        answer = yes ? DialogAnswer.ok(null, "") : DialogAnswer.of(Status.NO, "answered no by the operator");
    }

    private void typing(Keystroke k) {
        if (k.is(Special.CHAR)) {
            text.appendCodePoint(k.codePoint());
            error = null;
        } else if (k.is(Special.BACKSPACE) && text.length() > 0) {
            text.setLength(text.offsetByCodePoints(text.length(), -1));
            error = null;
        } else if (k.is(Special.ENTER)) {
            TypedValue typed = TypedValue.parse(text.toString(), request.prefill(), request.kind());
            if (typed.ok()) {
                answer = DialogAnswer.ok(typed.value(), "");
            } else {
                error = typed.error();
            }
        }
    }

    private void ticking(Keystroke k) {
        if (k.is(Special.UP)) {
            cursor = Math.max(0, cursor - 1);
        } else if (k.is(Special.DOWN)) {
            cursor = Math.min(labels.size() - 1, cursor + 1);
        } else if (k.is(' ') && !labels.isEmpty()) {
            ticks[cursor] = !ticks[cursor];
        } else if (k.is(Special.ENTER)) {
            answer = DialogAnswer.ok(request.kind() == DialogKind.CHOICES ? Choice.answer(request.choices(), ticks)
                    : Reference.answer(request.references(), ticks), "");
        }
    }

    synchronized View view() {
        String heading = request.kind().name().charAt(0) + request.kind().name().substring(1).toLowerCase()
                + " dialog \"" + request.title() + "\"";
        List<String> body = new ArrayList<>();
        if (request.kind() == DialogKind.IMAGE) {
            body.add("image: " + request.filename());
        }
        if (note != null) {
            body.add(note);
        }
        int at = -1;
        String help;
        switch (request.kind()) {
            case QUESTION -> {
                body.add(yes ? "[ Yes ]    No  " : "  Yes    [ No ]");
                help = "y yes  n no  ←→ switch  Enter answer  Esc cancel";
            }
            case VALUE, NOTE -> {
                body.add("> " + text + "█");
                help = "type; Backspace erases, Enter answers, Esc cancels";
            }
            case CHOICES, REFERENCES -> {
                at = body.size() + cursor;
                for (int i = 0; i < labels.size(); i++) {
                    body.add((ticks[i] ? "[x] " : "[ ] ") + labels.get(i));
                }
                help = "↑↓ move  Space tick  Enter answer  Esc cancel";
            }
            default -> help = "Enter OK  Esc cancel";
        }
        return new View(heading, request.question(), body, at, error, help);
    }
}
