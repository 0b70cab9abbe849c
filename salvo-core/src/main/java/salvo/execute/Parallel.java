package salvo.execute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import salvo.event.RunEvents;
import salvo.model.UnitResult;
import salvo.model.WorkerRef;

/**
 * Units of several adapters in one run: each part of the plan goes to the execution of its
 * adapter, all at once, and the results come back in plan order.
 */
public final class Parallel implements Execution {
    private final Map<String, Execution> byAdapter;

    public Parallel(Map<String, Execution> byAdapter) {
        this.byAdapter = new LinkedHashMap<>(byAdapter);
    }

    /** One execution alone needs no threads of its own. */
    public static Execution of(Map<String, Execution> byAdapter) {
        return byAdapter.size() == 1 ? byAdapter.values().iterator().next() : new Parallel(byAdapter);
    }

    @Override
    public List<WorkerRef> slots(int units) {
        return byAdapter.values().stream().flatMap(e -> e.slots(units).stream()).toList();
    }

    @Override
    public boolean selectsTests() {
        return byAdapter.values().stream().allMatch(Execution::selectsTests);
    }

    @Override
    public void close() {
        byAdapter.values().forEach(Execution::close);
    }

    @Override
    public List<UnitResult> execute(List<PlannedUnit> plan, RunEvents events, RunControl control) {
        Map<String, List<PlannedUnit>> parts = new LinkedHashMap<>();
        plan.forEach(u -> parts.computeIfAbsent(u.unit().adapter(), k -> new ArrayList<>()).add(u));
        List<UnitResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        parts.forEach((adapter, units) -> {
            Execution execution = byAdapter.get(adapter);
            if (execution == null) {
                throw new IllegalArgumentException("no execution for adapter " + adapter + " of " + units.get(0).id());
            }
            Thread t = new Thread(() -> {
                try {
                    results.addAll(execution.execute(units, events, control));
                } catch (RuntimeException e) {
                    // One part that cannot run (RunCannotStart) stops the others and ends the run with its reason.
                    failure.compareAndSet(null, e);
                    control.drain();
                }
            }, "salvo-" + adapter);
            t.start();
            threads.add(t);
        });
        threads.forEach(Threads::joinUninterruptibly);
        if (failure.get() != null) {
            throw failure.get();
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            position.put(plan.get(i).id(), i);
        }
        List<UnitResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparing((Function<UnitResult, Integer>) r -> position.getOrDefault(r.unit().id(),
                Integer.MAX_VALUE)));
        return ordered;
    }
}
