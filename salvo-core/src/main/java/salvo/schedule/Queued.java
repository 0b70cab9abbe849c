package salvo.schedule;

import java.util.Comparator;

/**
 * A collected test as the scheduler keeps it.
 *
 * @param fileIndex its file's place in discovery order
 * @param position  its place in its file
 * @param weight    see {@link Weights#of}
 */
record Queued(TestItem item, int fileIndex, int position, long weight) {
    /** Discovery order: files as given, tests as collected. */
    static final Comparator<Queued> DISCOVERY_ORDER =
            Comparator.comparingInt(Queued::fileIndex).thenComparingInt(Queued::position);

    String id() {
        return item.id();
    }

    String file() {
        return item.file();
    }
}
