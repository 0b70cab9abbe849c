package salvo.adapter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The adapters on the class path, in a stable order (by id), each loaded once. */
public final class Adapters {
    private final List<Adapter> all;

    private Adapters(List<Adapter> all) {
        this.all = List.copyOf(all);
    }

    public static Adapters load() {
        List<Adapter> found = new ArrayList<>();
        ServiceLoader.load(Adapter.class).forEach(found::add);
        found.sort(Comparator.comparing(Adapter::id));
        return new Adapters(found);
    }

    public static Adapters of(List<Adapter> adapters) {
        return new Adapters(adapters);
    }

    public List<Adapter> all() {
        return all;
    }

    public Optional<Adapter> byId(String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
