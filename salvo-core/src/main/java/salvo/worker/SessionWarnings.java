package salvo.worker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings a framework records while configuring itself, once a run: every worker process
 * configures itself and reports the same ones, by their text; the run counts each as often as
 * one process saw it, with the unit whose collection first reported it. Thread-safe: one per
 * run, shared by its workers.
 */
public final class SessionWarnings {
    private final Map<String, Integer> counted = new HashMap<>();

    /** How many of one process's warnings the run has not counted yet; they are counted now. */
    public synchronized int firstSeen(List<String> texts) {
        Map<String, Integer> here = new HashMap<>();
        texts.forEach(t -> here.merge(t, 1, Integer::sum));
        int fresh = 0;
        for (Map.Entry<String, Integer> e : here.entrySet()) {
            int before = counted.getOrDefault(e.getKey(), 0);
            if (e.getValue() > before) {
                fresh += e.getValue() - before;
                counted.put(e.getKey(), e.getValue());
            }
        }
        return fresh;
    }
}
