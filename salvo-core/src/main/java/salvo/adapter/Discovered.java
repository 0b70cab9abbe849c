package salvo.adapter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import salvo.error.SalvoError;
import salvo.model.TestUnit;

/**
 * What an adapter's last discovery found, by unit id ({@code T}: what it knows of each unit), so
 * that {@link Adapter#prepare} runs exactly that. Not thread-safe: a run discovers, then prepares.
 */
public final class Discovered<T> {
    private final String adapter;
    private final Map<String, T> byId = new LinkedHashMap<>();

    public Discovered(String adapter) {
        this.adapter = adapter;
    }

    /** Forgets the last discovery and remembers {@code found}, each under its unit id. */
    public void replace(List<T> found, Function<T, String> unitId) {
        byId.clear();
        found.forEach(t -> byId.put(unitId.apply(t), t));
    }

    public Optional<T> find(String unitId) {
        return Optional.ofNullable(byId.get(unitId));
    }

    public Collection<T> all() {
        return byId.values();
    }

    /** What was found of each unit a run plans, by unit id; a unit it did not find is a bug. */
    public Map<String, T> of(List<TestUnit> units) {
        Map<String, T> chosen = new LinkedHashMap<>();
        for (TestUnit unit : units) {
            chosen.put(unit.id(), find(unit.id()).orElseThrow(() -> SalvoError.internal("the " + adapter
                    + " adapter was asked to run " + unit.id() + ", which its discovery did not find; this is a bug in Salvo",
                    null)));
        }
        return chosen;
    }
}
