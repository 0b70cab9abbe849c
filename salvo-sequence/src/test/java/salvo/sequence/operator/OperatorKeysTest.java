package salvo.sequence.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.sequence.operator.OperatorKeys.Command;
import salvo.terminal.Keystroke;
import salvo.terminal.Keystroke.Special;

class OperatorKeysTest {
    @Test
    void lettersAndKeysOutsideADialog() {
        assertEquals(Optional.of(Command.STOP), OperatorKeys.command(Keystroke.character('s'), false));
        assertEquals(Optional.of(Command.PAUSE_RESUME), OperatorKeys.command(Keystroke.character('p'), false));
        assertEquals(Optional.of(Command.STEP), OperatorKeys.command(Keystroke.character('n'), false));
        assertEquals(Optional.of(Command.CONTINUE), OperatorKeys.command(Keystroke.character('c'), false));
        assertEquals(Optional.of(Command.BREAKPOINT), OperatorKeys.command(Keystroke.character('b'), false));
        assertEquals(Optional.of(Command.UP), OperatorKeys.command(Keystroke.of(Special.UP), false));
        assertEquals(Optional.of(Command.FOLLOW), OperatorKeys.command(Keystroke.of(Special.ESCAPE), false));
        assertEquals(Optional.empty(), OperatorKeys.command(Keystroke.character('x'), false));
    }

    @Test
    void inADialogEveryKeyIsTheDialogsButCtrlC() {
        assertEquals(Optional.empty(), OperatorKeys.command(Keystroke.character('s'), true), "s may be typed");
        assertEquals(Optional.empty(), OperatorKeys.command(Keystroke.character('p'), true));
        assertEquals(Optional.empty(), OperatorKeys.command(Keystroke.of(Special.ESCAPE), true), "Esc cancels the dialog");
        assertEquals(Optional.of(Command.STOP), OperatorKeys.command(Keystroke.of(Special.CTRL_C), true));
    }
}
