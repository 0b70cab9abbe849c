package salvo.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.terminal.Keystroke.Special;

class KeyDecoderTest {

    private static List<Keystroke> decode(String input) {
        KeyDecoder d = new KeyDecoder();
        List<Keystroke> keys = new ArrayList<>();
        for (char c : input.toCharArray()) {
            d.feed(c).ifPresent(keys::add);
        }
        return keys;
    }

    private static Keystroke key(Special s) {
        return Keystroke.of(s);
    }

    @Test
    void charactersEnterBackspaceTabAndCtrlC() {
        assertEquals(List.of(Keystroke.character('q'), Keystroke.character('é'), key(Special.ENTER), key(Special.ENTER),
                key(Special.BACKSPACE), key(Special.BACKSPACE), key(Special.TAB), key(Special.CTRL_C)),
                decode("qé\r\n\u007f\b\t\u0003"));
    }

    @Test
    void otherControlCharactersAreNoKey() {
        assertEquals(List.of(Keystroke.character('x')), decode("\u0001\u0007x"));
    }

    @Test
    void arrowsAndPagingInBothCursorModes() {
        assertEquals(List.of(key(Special.UP), key(Special.DOWN), key(Special.UP), key(Special.DOWN), key(Special.PAGE_UP),
                key(Special.PAGE_DOWN), key(Special.HOME), key(Special.END), key(Special.RIGHT), key(Special.LEFT),
                key(Special.DELETE)),
                decode("\u001b[A\u001b[B\u001bOA\u001bOB\u001b[5~\u001b[6~\u001b[H\u001b[F\u001b[C\u001b[D\u001b[3~"));
    }

    @Test
    void aLoneEscIsTheEscKeyOnlyAfterAPause() {
        KeyDecoder d = new KeyDecoder();
        assertEquals(Optional.empty(), d.feed(0x1b));
        assertTrue(d.inSequence(), "waits to see whether a sequence follows");
        assertEquals(Optional.of(key(Special.ESCAPE)), d.pause());
        assertFalse(d.inSequence());
        assertEquals(Optional.of(Keystroke.character('q')), d.feed('q'), "decoding goes on normally");
    }

    @Test
    void escPressedTwiceGivesOneEscNowAndOneAfterThePause() {
        KeyDecoder d = new KeyDecoder();
        d.feed(0x1b);
        assertEquals(Optional.of(key(Special.ESCAPE)), d.feed(0x1b));
        assertEquals(Optional.of(key(Special.ESCAPE)), d.pause());
    }

    @Test
    void unknownSequencesAreSwallowedWhole() {
        assertEquals(List.of(Keystroke.character('q')), decode("\u001b[1;5C\u001b[15~q"));
    }
}
