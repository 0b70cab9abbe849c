package salvo.sequence.engine;

/** Where the rows of a run go (Salvo's events, a report); called from the item's own thread. */
public interface Rows {
    Rows NONE = row -> { };

    void finished(Row row);
}
