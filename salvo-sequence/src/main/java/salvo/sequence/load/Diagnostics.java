package salvo.sequence.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What a load found, errors and warnings in the order found, each reported once. */
public final class Diagnostics {
    private final LinkedHashSet<Diagnostic> found = new LinkedHashSet<>();

    public synchronized void error(Mark mark, String message) {
        found.add(Diagnostic.error(mark, message));
    }

    public synchronized void warning(Mark mark, String message) {
        found.add(Diagnostic.warning(mark, message));
    }

    public synchronized void add(Diagnostic d) {
        found.add(d);
    }

    public synchronized boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized List<Diagnostic> all() {
        return new ArrayList<>(found);
    }

    public synchronized List<Diagnostic> errors() {
        return found.stream().filter(Diagnostic::isError).toList();
    }
}
