package salvo.place;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Seats in turn: one of each place, then the second of each, ...; a short run still reaches every host. Pure. */
public final class Turns {
    private Turns() {}

    /** Each element repeated {@code count} times, interleaved: (a×2, b×1) gives a, b, a. */
    public static <T> List<T> of(List<T> items, ToIntFunction<T> count) {
        List<T> turns = new ArrayList<>();
        int most = items.stream().mapToInt(count).max().orElse(0);
        for (int round = 0; round < most; round++) {
            for (T item : items) {
                if (count.applyAsInt(item) > round) {
                    turns.add(item);
                }
            }
        }
        return turns;
    }
}
