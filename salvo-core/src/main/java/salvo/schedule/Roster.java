package salvo.schedule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The live workers, which of them may be given work (at most {@code capacity} at once, so no
 * more workers work than there are units to share), and which files each has imported.
 */
final class Roster {
    private final int capacity;
    private final Set<String> live = new LinkedHashSet<>();
    private final Set<String> admitted = new HashSet<>();
    private final Set<String> stopped = new HashSet<>();
    private final Map<String, Set<String>> imported = new HashMap<>();

    Roster(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    void add(String worker) {
        if (!live.add(worker)) {
            throw new IllegalArgumentException("worker " + worker + " was already added");
        }
        imported.put(worker, new HashSet<>());
    }

    void remove(String worker) {
        requireLive(worker);
        live.remove(worker);
        admitted.remove(worker);
        stopped.remove(worker);
        imported.remove(worker);
    }

    void requireLive(String worker) {
        if (!live.contains(worker)) {
            throw new IllegalArgumentException("unknown worker " + worker + ": add it first (or it was removed)");
        }
    }

    /** Whether the worker may be given work; a free place is taken by the first to ask. */
    boolean admit(String worker) {
        if (stopped.contains(worker)) {
            return false;
        }
        if (admitted.contains(worker)) {
            return true;
        }
        if (admitted.size() < capacity) {
            admitted.add(worker);
            return true;
        }
        return false;
    }

    /** The worker was told to stop: it gets nothing more, and its place and its files are free. */
    void stop(String worker) {
        stopped.add(worker);
        admitted.remove(worker);
        imported.get(worker).clear();
    }

    void imported(String worker, String file) {
        imported.get(worker).add(file);
    }

    boolean hasImported(String worker, String file) {
        return imported.getOrDefault(worker, Set.of()).contains(file);
    }

    boolean importedByAnyone(String file) {
        return imported.values().stream().anyMatch(files -> files.contains(file));
    }
}
