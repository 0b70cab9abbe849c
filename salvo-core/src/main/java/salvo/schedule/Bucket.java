package salvo.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Ready tests that may share a run: of one file, or of one scope (a {@link Distribution} decides). */
final class Bucket {
    private final String file;
    private final long arrival;
    private final List<Queued> tests = new ArrayList<>();
    private final Set<String> requeued = new HashSet<>();
    private long total;
    private long longest;

    Bucket(String file, long arrival) {
        this.file = file;
        this.arrival = arrival;
    }

    void add(Queued test, boolean fromLostWorker) {
        tests.add(test);
        total += test.weight();
        longest = Math.max(longest, test.weight());
        if (fromLostWorker) {
            requeued.add(test.id());
        }
    }

    /** @param taken tests of this bucket, the very entries it holds */
    void removeAll(List<Queued> taken) {
        // By identity: the same entries, and no deep hash of each test (a record's hashCode, slow
        // under the launcher's C1 compiler) for every run handed out.
        Set<Queued> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(taken);
        tests.removeIf(gone::contains);
        taken.forEach(t -> requeued.remove(t.id()));
        total = tests.stream().mapToLong(Queued::weight).sum();
        longest = tests.stream().mapToLong(Queued::weight).max().orElse(0);
    }

    String file() {
        return file;
    }

    /** Creation order, to break ties between buckets deterministically. */
    long arrival() {
        return arrival;
    }

    boolean isEmpty() {
        return tests.isEmpty();
    }

    /** It holds tests of a lost worker, which go before anything else. */
    boolean requeued() {
        return !requeued.isEmpty();
    }

    long total() {
        return total;
    }

    long longest() {
        return longest;
    }

    /** Tests of a lost worker first, then longest first, then discovery order. */
    List<Queued> byPriority() {
        List<Queued> ordered = new ArrayList<>(tests);
        ordered.sort(Comparator.comparing((Queued t) -> !requeued.contains(t.id()))
                .thenComparing(Queued::weight, Comparator.reverseOrder())
                .thenComparing(Queued.DISCOVERY_ORDER));
        return ordered;
    }
}
