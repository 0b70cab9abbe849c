package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.terminal.Keystroke;
import salvo.terminal.Keystroke.Special;

class DashboardKeysTest {
    @Test
    void lettersAndCtrlC() {
        assertEquals(Optional.of(Key.STOP), DashboardKeys.of(Keystroke.character('q')));
        assertEquals(Optional.of(Key.STOP), DashboardKeys.of(Keystroke.of(Special.CTRL_C)));
        assertEquals(Optional.of(Key.TOGGLE_FAILURES), DashboardKeys.of(Keystroke.character('f')));
        assertEquals(Optional.of(Key.UP), DashboardKeys.of(Keystroke.character('k')));
        assertEquals(Optional.of(Key.END), DashboardKeys.of(Keystroke.character('G')));
        assertEquals(Optional.empty(), DashboardKeys.of(Keystroke.character('x')));
        assertEquals(Optional.empty(), DashboardKeys.of(Keystroke.of(Special.TAB)));
    }

    @Test
    void namedKeys() {
        assertEquals(Optional.of(Key.PAGE_DOWN), DashboardKeys.of(Keystroke.of(Special.PAGE_DOWN)));
        assertEquals(Optional.of(Key.ESCAPE), DashboardKeys.of(Keystroke.of(Special.ESCAPE)));
        assertEquals(Optional.of(Key.ENTER), DashboardKeys.of(Keystroke.of(Special.ENTER)));
    }
}
