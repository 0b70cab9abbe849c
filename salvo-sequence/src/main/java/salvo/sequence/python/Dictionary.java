package salvo.sequence.python;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's global dictionary: one mutable map shared by every item, branch and helper, each
 * access atomic. A null value counts as undefined, so storing null removes the name.
 */
public final class Dictionary {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public synchronized Object get(String name) {
        return values.get(name);
    }

    public synchronized boolean has(String name) {
        return values.get(name) != null;
    }

    public synchronized void set(String name, Object value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    public synchronized void delete(String name) {
        values.remove(name);
    }

    public synchronized void clear() {
        values.clear();
    }

    public synchronized Map<String, Object> snapshot() {
        return new LinkedHashMap<>(values);
    }

    public synchronized void putAll(Map<String, Object> more) {
        more.forEach(this::set);
    }
}
