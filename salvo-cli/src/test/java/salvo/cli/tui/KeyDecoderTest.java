package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyDecoderTest {

    private static List<Key> decode(String input) {
        KeyDecoder d = new KeyDecoder();
        List<Key> keys = new ArrayList<>();
        for (char c : input.toCharArray()) {
            d.feed(c).ifPresent(keys::add);
        }
        return keys;
    }

    @Test
    void lettersEnterAndCtrlC() {
        assertEquals(List.of(Key.STOP, Key.TOGGLE_FAILURES, Key.ENTER, Key.ENTER, Key.STOP), decode("qf\r\n\u0003"));
        assertEquals(List.of(), decode("xyz"));
    }

    @Test
    void arrowsAndPagingInBothCursorModes() {
        assertEquals(List.of(Key.UP, Key.DOWN, Key.UP, Key.DOWN, Key.PAGE_UP, Key.PAGE_DOWN, Key.HOME, Key.END),
                decode("\u001b[A\u001b[B\u001bOA\u001bOB\u001b[5~\u001b[6~\u001b[H\u001b[F"));
    }

    @Test
    void aLoneEscIsTheEscKeyOnlyAfterAPause() {
        KeyDecoder d = new KeyDecoder();
        assertEquals(Optional.empty(), d.feed(0x1b));
        assertTrue(d.inSequence(), "waits to see whether a sequence follows");
        assertEquals(Optional.of(Key.ESCAPE), d.pause());
        assertFalse(d.inSequence());
        assertEquals(Optional.of(Key.STOP), d.feed('q'), "decoding goes on normally");
    }

    @Test
    void escPressedTwiceGivesOneEscNowAndOneAfterThePause() {
        KeyDecoder d = new KeyDecoder();
        d.feed(0x1b);
        assertEquals(Optional.of(Key.ESCAPE), d.feed(0x1b));
        assertEquals(Optional.of(Key.ESCAPE), d.pause());
    }

    @Test
    void unknownSequencesAreSwallowedWhole() {
        assertEquals(List.of(Key.STOP), decode("\u001b[1;5C\u001b[15~q"));
    }
}
