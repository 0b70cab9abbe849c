package salvo.adapter;

import java.util.List;

/**
 * What {@code salvo run -l} prints for one adapter's units.
 *
 * @param tests    how many tests it found, or -1 when it listed units only
 * @param problems true when something could not be listed (a file that does not collect)
 */
public record Listing(List<String> lines, int tests, boolean problems) {
    public Listing {
        lines = List.copyOf(lines);
    }
}
